package eu.municipia.dues.entity;

import eu.municipia.platform.entity.Refusal;
import java.util.Map;

/** A payment is cancelled once; a second cancellation (another admin was quicker) is refused. */
public class PaymentCancelledException extends Refusal {

  public PaymentCancelledException(String message) {
    super(Kind.CONFLICT, message, Map.of("id", message));
  }
}
