package org.vedetta.ingest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a 2xx response body into memory, refusing one larger than a cap: at once when {@code Content-Length}
 * says so, else as soon as the bytes read pass it. Bodies of other statuses are not read.
 */
final class CappedBody implements BodySubscriber<byte[]> {

  /** The body passed the cap. */
  static final class TooLargeException extends IOException {
    TooLargeException(long max) {
      super("response body is larger than " + Sizes.describe(max));
    }
  }

  private final long max;
  private final long declared;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedBody(long max, long declared) {
    this.max = max;
    this.declared = declared;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long max) {
    return info -> {
      if (info.statusCode() / 100 != 2) {
        return BodySubscribers.replacing(null);
      }
      return new CappedBody(max, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > max) {
      s.cancel();
      result.completeExceptionally(new TooLargeException(max));
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (out.size() + (long) buffer.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(max));
        return;
      }
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      out.write(bytes, 0, bytes.length);
    }
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
