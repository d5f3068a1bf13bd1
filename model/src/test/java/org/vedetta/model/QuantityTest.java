package org.vedetta.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuantityTest {

  @Test
  void figuresAreGroupedByThousandsWhateverTheMachinesLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(new Quantity(15_000, 15_000, "soldiers", Qualifier.ABOUT).describe()).isEqualTo("about 15,000 soldiers");
      assertThat(new Quantity(10_000, 12_000, "soldiers", Qualifier.EXACT).amount()).isEqualTo("10,000–12,000");
      assertThat(new Quantity(0, 1_500_000, "shells", Qualifier.UP_TO).amount()).isEqualTo("up to 1,500,000");
    } finally {
      Locale.setDefault(before);
    }
    assertThat(Quantity.grouped(0)).isEqualTo("0");
    assertThat(Quantity.grouped(999)).isEqualTo("999");
    assertThat(Quantity.grouped(1000)).isEqualTo("1,000");
    assertThat(Quantity.grouped(-1234567)).isEqualTo("-1,234,567");
  }
}
