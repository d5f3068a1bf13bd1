package org.vedetta.notifier;

/** Told of every mail handed over and every failed hand-over (e.g. for metrics); called on the sending thread. */
public interface DeliveryListener {

  /** A digest or alert went out. */
  default void sent(DigestReceipt receipt) {}

  /**
   * A mail could not be handed over; its items stay queued.
   *
   * @param permanent the server refused the address for good (the subscriber is parked)
   */
  default void failed(String email, boolean permanent) {}
}
