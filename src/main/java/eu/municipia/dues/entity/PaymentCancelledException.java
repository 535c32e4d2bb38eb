package eu.municipia.dues.entity;

/** A payment is cancelled once; a second cancellation (another admin was quicker) is refused. */
public class PaymentCancelledException extends RuntimeException {

  public PaymentCancelledException(String message) {
    super(message);
  }
}
