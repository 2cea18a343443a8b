package dev.pindesk.service.audit;

import dev.pindesk.domain.audit.Person;
import dev.pindesk.domain.id.CitizenId;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Made-up card holders and agents with valid-looking ID numbers, for training journals. */
final class TrainingPeople {
  private static final List<String> SURNAMES =
      List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "欧阳");
  private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红";
  private static final List<String> REGIONS =
      List.of("110101", "310104", "440305", "510107", "330106", "420102", "610113", "370202");

  private TrainingPeople() {}

  static Person next(Random random) {
    String name = SURNAMES.get(random.nextInt(SURNAMES.size()));
    int given = 1 + random.nextInt(2);
    for (int i = 0; i < given; i++) {
      name += GIVEN.charAt(random.nextInt(GIVEN.length()));
    }
    LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
    String first17 =
        REGIONS.get(random.nextInt(REGIONS.size()))
            + String.format(
                Locale.ROOT,
                "%04d%02d%02d%03d",
                birth.getYear(),
                birth.getMonthValue(),
                birth.getDayOfMonth(),
                random.nextInt(1000));
    return new Person(first17 + CitizenId.checkChar(first17), name);
  }
}
