package org.vedetta.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** A cut relay drops its connections and refuses new ones; restored, it relays again on the same port. */
class TcpProxyTest {

  @Test
  void aCutDropsConnectionsAndRefusesNewOnesUntilRestored() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        while (!echo.isClosed()) {
          try {
            Socket s = echo.accept();
            new Thread(() -> {
              try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the relay closed it
              }
            }).start();
          } catch (IOException e) {
            return;
          }
        }
      });
      server.setDaemon(true);
      server.start();
      try (TcpProxy proxy = TcpProxy.start("127.0.0.1", echo.getLocalPort())) {
        Socket before = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        assertThat(roundTrip(before, 'a')).isEqualTo('a');

        proxy.cut();
        before.setSoTimeout(5_000);
        assertThat(before.getInputStream().read()).as("the open connection ends").isEqualTo(-1);
        assertRefused(proxy.port());

        proxy.restore();
        try (Socket after = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
          assertThat(roundTrip(after, 'b')).isEqualTo('b');
        }
        before.close();
      }
    }
  }

  /**
   * Nothing listens on {@code port}: a connection is refused. Linux may instead connect a socket to itself when the
   * ephemeral port it picks for the client is that very port (a TCP "self-connect"); that is no listener either.
   */
  private static void assertRefused(int port) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      assertThat(s.getLocalPort()).as("connected to %d while nothing should listen there", port).isEqualTo(port);
    } catch (ConnectException refused) {
      // as expected
    }
  }

  private static int roundTrip(Socket s, char c) throws IOException {
    s.getOutputStream().write(c);
    s.getOutputStream().flush();
    return s.getInputStream().read();
  }
}
