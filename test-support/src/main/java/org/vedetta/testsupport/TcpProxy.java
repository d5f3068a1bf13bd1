package org.vedetta.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real server (a database, a broker), so that a test can make that server
 * unreachable as a network outage would: {@link #cut()} drops every open connection and refuses new ones until
 * {@link #restore()}, on the same port.
 */
public final class TcpProxy implements AutoCloseable {

  private final InetSocketAddress target;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;
  private Thread acceptor;

  private TcpProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** Relays a free port of 127.0.0.1 to {@code host:port}. */
  public static TcpProxy start(String host, int port) {
    try {
      return new TcpProxy(new InetSocketAddress(host, port), listen(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Drops every connection and refuses new ones, as a server gone or a network cut would look to a client. It
   * returns once the listening socket is gone: the JDK closes a socket another thread is accepting on only when
   * that thread has left {@code accept}, and until then the system still completes new connections.
   */
  public void cut() {
    Thread accepting;
    synchronized (this) {
      try {
        if (listener != null) {
          listener.close();
          listener = null;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (Socket s : open) {
        closeQuietly(s);
      }
      open.clear();
      accepting = acceptor;
      acceptor = null;
    }
    if (accepting != null) {
      try {
        accepting.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Accepts connections again, on the same port. */
  public synchronized void restore() {
    if (listener == null) {
      try {
        listener = listen(port);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + port + " again", e);
      }
      accept(listener);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return socket;
  }

  private void accept(ServerSocket server) {
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        Socket client;
        try {
          client = server.accept();
        } catch (IOException e) {
          return; // closed by cut()
        }
        Socket upstream = new Socket();
        try {
          upstream.connect(target, 5_000);
        } catch (IOException e) {
          closeQuietly(client); // the target refused: the client sees its connection end
          continue;
        }
        synchronized (this) {
          if (listener != server) { // cut while this one connected
            closeQuietly(client);
            closeQuietly(upstream);
            return;
          }
          open.add(client);
          open.add(upstream);
        }
        relay(client, upstream);
        relay(upstream, client);
      }
    }, "tcp-proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void relay(Socket from, Socket to) {
    Thread pump = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // One side closed: close both below.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "tcp-proxy-relay-" + port);
    pump.setDaemon(true);
    pump.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
