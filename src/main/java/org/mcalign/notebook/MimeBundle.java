package org.mcalign.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What a renderer produced for one value: data by MIME type ({@code text/plain},
 * {@code text/html}, {@code image/png} as base64, ...) and per-type metadata (e.g. the
 * display size of a 2× image). Immutable once built.
 */
public final class MimeBundle {
  private final Map<String, String> data;
  private final Map<String, Object> metadata;

  MimeBundle(Map<String, String> data, Map<String, Object> metadata) {
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** MIME type → content (text, or base64 for images), in the order they were produced. */
  public Map<String, String> data() {
    return data;
  }

  /** MIME type → metadata map (Jupyter's per-output metadata). */
  public Map<String, Object> metadata() {
    return metadata;
  }

  /** The content of one MIME type, or null. */
  public String get(String mimeType) {
    return data.get(mimeType);
  }

  DisplayData toDisplayData() {
    DisplayData d = new DisplayData();
    data.forEach(d::putData);
    metadata.forEach(d::putMetaData);
    return d;
  }

  MimeBundle scrubbed(OutputScrubber scrubber) {
    Map<String, String> clean = new LinkedHashMap<>();
    data.forEach((type, value) -> clean.put(type, type.startsWith("image/png") ? value : scrubber.scrub(value)));
    return new MimeBundle(clean, metadata);
  }

  @Override
  public String toString() {
    return "MimeBundle" + data.keySet();
  }
}
