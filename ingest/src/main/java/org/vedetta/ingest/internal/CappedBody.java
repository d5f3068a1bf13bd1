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
 * says so, else as soon as the bytes read pass it. Bodies of other statuses are not read. Each arrival of bytes
 * (and the headers) is noted in an activity clock, so the fetcher can tell a slow body from a stalled one.
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
  private final Progress progress;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /** When a response last showed signs of life, by {@link System#nanoTime()}, and whether its headers came. */
  static final class Progress {
    private volatile long lastActivity;
    private volatile boolean headers;

    Progress(long start) {
      lastActivity = start;
    }

    long lastActivity() {
      return lastActivity;
    }

    boolean headersReceived() {
      return headers;
    }

    void headersArrived() {
      headers = true;
      lastActivity = System.nanoTime();
    }

    void bytesArrived() {
      lastActivity = System.nanoTime();
    }
  }

  private CappedBody(long max, long declared, Progress progress) {
    this.max = max;
    this.declared = declared;
    this.progress = progress;
  }

  /** A handler that notes in {@code progress} the arrival of the headers and of each piece of the body. */
  static HttpResponse.BodyHandler<byte[]> handler(long max, Progress progress) {
    return info -> {
      progress.headersArrived();
      if (info.statusCode() / 100 != 2) {
        return BodySubscribers.replacing(null);
      }
      return new CappedBody(max, info.headers().firstValueAsLong("Content-Length").orElse(-1), progress);
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
    progress.bytesArrived();
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
