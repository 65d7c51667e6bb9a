package org.mcalign.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reading an OpenAI batch output file, the paper's {@code download_batch} +
 * {@code extract_responses}: lines sorted by the numeric suffix of custom_id, the text at
 * {@code response.body.choices[0].message.content}. A failed request is an error naming its
 * custom_id (nothing is silently dropped: rerun the failures).
 */
public final class BatchOutputs {
  private BatchOutputs() {}

  /** One reply: custom id and message text. */
  public record Reply(String customId, String content) {}

  public static List<Reply> read(Path file) {
    ObjectMapper om = new ObjectMapper();
    List<String> lines = org.mcalign.data.TextLines.read(file, "batch output");
    List<Reply> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      String where = file.getFileName() + " line " + (i + 1);
      JsonNode n;
      try {
        n = om.readTree(lines.get(i));
      } catch (JsonProcessingException e) {
        throw new StageInputException(where + ": not JSON (" + e.getOriginalMessage() + ")", e);
      }
      String id = n.path("custom_id").asText(null);
      if (id == null) throw new StageInputException(where + ": expected a custom_id");
      JsonNode content = n.path("response").path("body").path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new StageInputException(
            where + ": request " + id + " has no reply text (error: " + n.path("error").toString() + ")");
      }
      out.add(new Reply(id, content.asText()));
    }
    out.sort(Comparator.comparingLong(r -> BatchRequestLine.idNumber(r.customId())));
    return out;
  }
}
