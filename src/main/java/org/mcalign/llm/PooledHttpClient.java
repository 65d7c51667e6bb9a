package org.mcalign.llm;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * The HTTP transport under the OpenAI SDK: OkHttp, as the SDK's own, but with a connection
 * pool as large as the number of requests in flight. (The SDK's builder keeps OkHttp's default
 * of 5 idle connections, so with 64 in flight most connections were closed and reopened.)
 * It logs nothing, so no header (and no key) is ever written anywhere. The body of an error answer
 * is kept for the calling thread ({@link #takeErrorBody}): the SDK reads only an OpenAI-style
 * {@code "error"} object and would lose vLLM's message.
 */
final class PooledHttpClient implements HttpClient {
  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final ThreadLocal<String> ERROR_BODY = new ThreadLocal<>();
  private final OkHttpClient ok;

  /** The body of the last error answer this thread received (and forgets it), if any. */
  static Optional<String> takeErrorBody() {
    String b = ERROR_BODY.get();
    ERROR_BODY.remove();
    return Optional.ofNullable(b);
  }

  PooledHttpClient(Duration timeout, int maxIdle) {
    this.ok = new OkHttpClient.Builder()
        .connectionPool(new ConnectionPool(Math.max(5, maxIdle), 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout)
        // retries are ours (RetryPolicy): no silent repeats of a request that may have been paid
        .retryOnConnectionFailure(false)
        .build();
  }

  @Override
  public HttpResponse execute(HttpRequest request, RequestOptions options) {
    ERROR_BODY.remove();
    try {
      return wrap(ok.newCall(toRequest(request)).execute());
    } catch (IOException e) {
      throw new com.openai.errors.OpenAIIoException("request failed: " + e.getMessage(), e);
    }
  }

  @Override
  public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
    return CompletableFuture.supplyAsync(() -> execute(request, options));
  }

  private static Request toRequest(HttpRequest r) {
    HttpUrl.Builder url = HttpUrl.get(r.baseUrl()).newBuilder();
    for (String seg : r.pathSegments()) url.addPathSegment(seg);
    for (String key : r.queryParams().keys()) {
      for (String v : r.queryParams().values(key)) url.addQueryParameter(key, v);
    }
    Request.Builder b = new Request.Builder().url(url.build());
    Headers h = r.headers();
    for (String name : h.names()) {
      for (String v : h.values(name)) b.addHeader(name, v);
    }
    HttpRequestBody body = r.body();
    RequestBody rb = null;
    if (body != null) {
      MediaType type = body.contentType() == null ? null : MediaType.parse(body.contentType());
      long length = body.contentLength();
      rb = new RequestBody() {
        @Override
        public MediaType contentType() {
          return type;
        }

        @Override
        public long contentLength() {
          return length;
        }

        @Override
        public boolean isOneShot() {
          return !body.repeatable();
        }

        @Override
        public void writeTo(BufferedSink sink) {
          body.writeTo(sink.outputStream());
        }
      };
    } else if (r.method().name().equals("POST") || r.method().name().equals("PUT") || r.method().name().equals("PATCH")) {
      rb = RequestBody.create(new byte[0], null);
    }
    return b.method(r.method().name(), rb).build();
  }

  private static HttpResponse wrap(Response response) throws IOException {
    Headers.Builder hb = Headers.builder();
    for (String name : response.headers().names()) hb.put(name, response.headers(name));
    Headers headers = hb.build();
    byte[] error = null;
    if (response.code() >= 400 && response.body() != null) {
      try (InputStream in = response.body().byteStream()) {
        error = in.readNBytes(MAX_ERROR_BODY);
      }
      ERROR_BODY.set(new String(error, java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] errorBytes = error;
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return response.code();
      }

      @Override
      public Headers headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        if (errorBytes != null) return new java.io.ByteArrayInputStream(errorBytes);
        return response.body() == null ? InputStream.nullInputStream() : response.body().byteStream();
      }

      @Override
      public void close() {
        response.close();
      }
    };
  }

  @Override
  public void close() {
    ok.dispatcher().executorService().shutdown();
    ok.connectionPool().evictAll();
  }
}
