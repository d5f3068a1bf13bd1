package org.vedetta.app.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a few small files hold now, to tell whether any changed since the last look. */
final class FileStamps {

  private FileStamps() {}

  /** The content of each file; an unreadable file counts as a state of its own. */
  static List<Object> of(List<Path> files) {
    return files.stream().map(file -> {
      try {
        return (Object) ByteBuffer.wrap(Files.readAllBytes(file));
      } catch (IOException e) {
        return (Object) ("unreadable: " + e.getMessage());
      }
    }).toList();
  }
}
