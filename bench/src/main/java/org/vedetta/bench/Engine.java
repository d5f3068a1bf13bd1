package org.vedetta.bench;

import java.util.List;
import java.util.Set;

/** One way of finding which tracked entities (and treaties) each document names. */
interface Engine {

  /** For each document, in order, the ids of the entities and treaties it names. */
  List<Set<String>> match(List<String> docs);
}
