package org.vedetta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vedetta.app.config.VedettaConfig;
import org.vedetta.app.watchlists.WatchlistEditor;
import org.vedetta.app.watchlists.WatchlistEditor.Issue;
import org.vedetta.app.watchlists.WatchlistsFile;
import org.vedetta.app.watchlists.WatchlistsFile.Snapshot;
import org.vedetta.notifier.Watchlist;
import org.vedetta.settings.SettingsException;

/**
 * The console's watchlist edits on a copy of the demo config: what is written, what is refused and why, and that
 * neither a refused edit nor a stale one touches the file.
 */
class WatchlistEditorTest {

  private static final String ALLIES = "russia-allies";

  @TempDir
  Path dir;

  private Path file;
  private final AtomicInteger saves = new AtomicInteger();
  private WatchlistEditor editor;

  @BeforeEach
  void copyDemo() throws IOException {
    TestConfigs.copyDemo(dir);
    file = dir.resolve(WatchlistsFile.NAME);
    editor = new WatchlistEditor(dir, saves::incrementAndGet);
  }

  private static Watchlist korea() {
    return new Watchlist("korea-troops", "Korean troops", List.of("north_korea"), List.of(),
        List.of("troop_deployment", "casualties"), 3, List.of("en", "ko"));
  }

  private String version() {
    return editor.watchlists().version();
  }

  private Watchlist allies() {
    return editor.watchlists().watchlists().stream().filter(w -> w.id().equals(ALLIES)).findFirst().orElseThrow();
  }

  @Test
  void aNewWatchlistIsWrittenSoTheConfigLoadsItAndThePreviousFileIsKeptAsBak() throws IOException {
    Watchlist alliesBefore = VedettaConfig.load(dir).watchlists().get(0);
    byte[] before = Files.readAllBytes(file);

    assertThat(editor.save(korea(), null, version())).isEmpty();

    assertThat(VedettaConfig.load(dir).watchlists()).containsExactly(alliesBefore, korea());
    assertThat(editor.watchlists().watchlists()).containsExactly(alliesBefore, korea());
    assertThat(dir.resolve(WatchlistsFile.NAME + ".bak")).hasBinaryContent(before);
    assertThat(dir.resolve(WatchlistsFile.NAME + ".next")).doesNotExist();
    assertThat(saves).hasValue(1);
  }

  @Test
  void checkFindsNothingWrongWithAValidDraftAndWritesNothing() throws IOException {
    byte[] before = Files.readAllBytes(file);

    assertThat(editor.check(korea(), null, editor.watchlists())).isEmpty();

    assertThat(file).hasBinaryContent(before);
    assertThat(saves).hasValue(0);
  }

  @Test
  void anUnknownEntityAndASeverityOutOfRangeAreReportedOnTheirFieldsAndNothingIsWritten() throws IOException {
    byte[] before = Files.readAllBytes(file);
    Watchlist draft = new Watchlist("atlantis", null, List.of("north_korea", "atlantis"), List.of(), List.of(), 9,
        List.of());

    List<Issue> issues = editor.save(draft, null, version());

    assertThat(issues).contains(new Issue("entities[1]", "unknown entity 'atlantis'"));
    assertThat(issues).anySatisfy(i -> {
      assertThat(i.field()).isEqualTo("min_severity");
      assertThat(i.message()).contains("between 1 and 5");
    });
    assertThat(issues).extracting(Issue::field).doesNotContain("entities[0]", "");
    assertThat(editor.check(draft, null, editor.watchlists())).isEqualTo(issues);
    assertThat(file).hasBinaryContent(before);
    assertThat(dir.resolve(WatchlistsFile.NAME + ".bak")).doesNotExist();
    assertThat(saves).hasValue(0);
  }

  @Test
  void unknownTreatiesAndEventTypesAreReportedOnTheirFieldsToo() {
    Watchlist draft = new Watchlist("odd", null, List.of(), List.of("ru_kp_strategic_partnership_2024", "no_treaty"),
        List.of("troop_deployment", "alien_landing", "troop_deployment"), 1, List.of());

    List<Issue> issues = editor.check(draft, null, editor.watchlists());

    assertThat(issues).containsExactlyInAnyOrder(
        new Issue("treaties[1]", "unknown treaty 'no_treaty'"),
        new Issue("events[1]", "unknown event type 'alien_landing'"),
        new Issue("events[2]", "listed twice"));
  }

  @Test
  void creatingAWatchlistWithAnIdInUseIsRefusedOnTheId() throws IOException {
    byte[] before = Files.readAllBytes(file);
    Watchlist copy = new Watchlist(ALLIES, "Another", List.of("belarus"), List.of(), List.of(), 1, List.of());

    List<Issue> issues = editor.save(copy, null, version());

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.field()).isEqualTo("id");
      assertThat(i.message()).contains("'" + ALLIES + "' already exists");
    });
    assertThat(file).hasBinaryContent(before);
    assertThat(saves).hasValue(0);
  }

  @Test
  void changingTheIdOfAWatchlistBeingEditedIsRefusedOnTheId() throws IOException {
    byte[] before = Files.readAllBytes(file);
    Watchlist renamed = new Watchlist("russia-friends", "Russia's friends", allies().entities(), allies().treaties(),
        List.of(), 1, List.of());

    List<Issue> issues = editor.save(renamed, ALLIES, version());

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.field()).isEqualTo("id");
      assertThat(i.message()).contains("cannot be changed");
    });
    assertThat(file).hasBinaryContent(before);
    assertThat(saves).hasValue(0);
  }

  @Test
  void editingAWatchlistReplacesItInPlaceKeepingTheOrder() {
    assertThat(editor.save(korea(), null, version())).isEmpty();
    Watchlist old = allies();
    Watchlist edited = new Watchlist(ALLIES, "Russia's closest allies", List.of("belarus", "north_korea"),
        old.treaties(), List.of("troop_deployment"), 2, List.of());

    assertThat(editor.save(edited, ALLIES, version())).isEmpty();

    assertThat(VedettaConfig.load(dir).watchlists()).containsExactly(edited, korea());
    assertThat(saves).hasValue(2);
  }

  @Test
  void editingAWatchlistDeletedMeanwhileIsRefused() {
    Watchlist ghost = new Watchlist("ghost", null, List.of("belarus"), List.of(), List.of(), 1, List.of());

    assertThat(editor.save(ghost, "ghost", version())).singleElement().satisfies(i -> {
      assertThat(i.field()).isEmpty();
      assertThat(i.message()).contains("no watchlist 'ghost'");
    });
    assertThat(saves).hasValue(0);
  }

  @Test
  void aWatchlistASubscriberFollowsIsNotDeleted() throws IOException {
    byte[] before = Files.readAllBytes(file);

    List<Issue> issues = editor.delete(ALLIES, version());

    assertThat(issues).singleElement().isEqualTo(new Issue("", "'" + ALLIES + "' is followed by analyst@example.org:"
        + " take it out of their watchlists in subscribers.yml first"));
    assertThat(file).hasBinaryContent(before);
    assertThat(saves).hasValue(0);
  }

  @Test
  void aWatchlistNobodyFollowsIsDeleted() throws IOException {
    assertThat(editor.save(korea(), null, version())).isEmpty();
    byte[] withKorea = Files.readAllBytes(file);
    Watchlist alliesBefore = allies();

    assertThat(editor.delete(korea().id(), version())).isEmpty();

    assertThat(VedettaConfig.load(dir).watchlists()).containsExactly(alliesBefore);
    assertThat(dir.resolve(WatchlistsFile.NAME + ".bak")).hasBinaryContent(withKorea);
    assertThat(saves).hasValue(2);
  }

  @Test
  void deletingAWatchlistThatIsNotThereIsRefused() {
    assertThat(editor.delete("ghost", version())).singleElement()
        .satisfies(i -> assertThat(i.message()).contains("no watchlist 'ghost'"));
    assertThat(saves).hasValue(0);
  }

  @Test
  void anEditBasedOnAnOlderVersionIsRefusedAndTheHandEditIsKept() throws IOException {
    String opened = version();
    String handEdited = Files.readString(file) + "# added by hand while the form was open\n";
    Files.writeString(file, handEdited);

    List<Issue> saved = editor.save(korea(), null, opened);
    List<Issue> deleted = editor.delete(korea().id(), opened);

    assertThat(saved).singleElement().satisfies(i -> {
      assertThat(i.field()).isEmpty();
      assertThat(i.message()).contains(WatchlistsFile.NAME + " changed since this edit began");
    });
    assertThat(deleted).singleElement().satisfies(i -> assertThat(i.message()).contains("no watchlist"));
    assertThat(editor.delete(ALLIES, opened)).isNotEmpty();
    assertThat(file).hasContent(handEdited);
    assertThat(version()).isNotEqualTo(opened);
    assertThat(saves).hasValue(0);
  }

  @Test
  void theVersionChangesWithEverySaveSoASecondWindowCannotOverwriteTheFirst() {
    String opened = version();
    assertThat(editor.save(korea(), null, opened)).isEmpty();

    Watchlist other = new Watchlist("belarus", null, List.of("belarus"), List.of(), List.of(), 1, List.of());
    assertThat(editor.save(other, null, opened)).singleElement()
        .satisfies(i -> assertThat(i.message()).contains("changed since this edit began"));

    assertThat(editor.watchlists().watchlists()).extracting(Watchlist::id).containsExactly(ALLIES, "korea-troops");
    assertThat(saves).hasValue(1);
  }

  @Test
  void aFileBrokenByHandIsReportedWithFileAndLine() throws IOException {
    Files.writeString(file, """
        watchlists:
          - id: russia-allies
            entities: [north_korea]
            colour: red
        """);

    assertThatThrownBy(editor::watchlists).isInstanceOf(SettingsException.class)
        .hasMessageContaining(dir.toString().replace('\\', '/') + "/" + WatchlistsFile.NAME + ":4")
        .hasMessageContaining("unknown field");
  }

  @Test
  void invalidYamlIsReportedWithFileAndLine() throws IOException {
    Files.writeString(file, "watchlists:\n  - id: a\n    entities: [north_korea\n");

    assertThatThrownBy(editor::watchlists).isInstanceOf(SettingsException.class)
        .hasMessageContaining(WatchlistsFile.NAME + ":")
        .hasMessageContaining("is not valid YAML");
  }

  @Test
  void aSaveOnABrokenFileThrowsAndLeavesItAlone() throws IOException {
    String broken = "watchlists:\n  - id: Not An Id\n";
    Files.writeString(file, broken);

    assertThatThrownBy(() -> editor.save(korea(), null, "whatever")).isInstanceOf(SettingsException.class)
        .hasMessageContaining(WatchlistsFile.NAME + ":2");
    assertThat(file).hasContent(broken);
    assertThat(saves).hasValue(0);
  }

  @Test
  void aTitleWithYamlSpecialCharactersRoundTripsExactly() {
    List<String> titles = List.of("Russia's \"allies\": #1 — Ελλάδα", "- dash", "null", "~", "yes", "123",
        "@home", "*star", "[bracketed]", "{braced}", "a: b", "x #y", "tab\there", "two\nlines", "trailing ",
        "%percent", "!bang", "&amp", "|pipe", ">fold", "'quoted'", "\"dq\"", "back\\slash", "? question");
    List<Watchlist> drafts = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      Watchlist draft = new Watchlist("title-" + i, titles.get(i), List.of("belarus"), List.of(), List.of(), 1,
          List.of());
      assertThat(editor.save(draft, null, version())).as(titles.get(i)).isEmpty();
      drafts.add(draft);
    }

    List<Watchlist> loaded = VedettaConfig.load(dir).watchlists();

    assertThat(loaded.subList(1, loaded.size())).extracting(Watchlist::title).containsExactlyElementsOf(titles);
    assertThat(loaded.subList(1, loaded.size())).containsExactlyElementsOf(drafts);
  }

  @Test
  void aBlankTitleIsSavedAsTheId() {
    Watchlist draft = new Watchlist("belarus-only", "  ", List.of("belarus"), List.of(), List.of(), 1, List.of());

    assertThat(editor.save(draft, null, version())).isEmpty();

    assertThat(VedettaConfig.load(dir).watchlists()).last()
        .satisfies(w -> assertThat(w.title()).isEqualTo("belarus-only"));
  }

  @Test
  void aProblemOfAnotherWatchlistIsShownWholeWithItsFile() throws IOException {
    Files.writeString(file, Files.readString(file).replace("iran, china", "iran, china, atlantis"));

    List<Issue> issues = editor.check(korea(), null, editor.watchlists());

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.field()).isEmpty();
      assertThat(i.message()).isEqualTo(WatchlistsFile.NAME + ", watchlist '" + ALLIES
          + "': entities[5]: unknown entity 'atlantis'");
    });
  }

  @Test
  void aProblemOfTheEleventhWatchlistIsNotPinnedOnTheSecond() throws IOException {
    StringBuilder text = new StringBuilder(Files.readString(file));
    for (int i = 1; i <= 10; i++) {
      text.append("  - id: list-").append(i).append("\n    entities: [belarus]\n");
    }
    Files.writeString(file, text.toString().replace("id: list-10\n    entities: [belarus]",
        "id: list-10\n    entities: [atlantis]"));
    Snapshot snapshot = editor.watchlists();
    Watchlist second = snapshot.watchlists().get(1);

    List<Issue> issues = editor.check(second, second.id(), snapshot);

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.field()).isEmpty();
      assertThat(i.message()).isEqualTo(WatchlistsFile.NAME + ", watchlist 'list-10': entities[0]: unknown entity 'atlantis'");
    });
  }

  @Test
  void aFileThatCannotBeReplacedIsReportedAndLeftAlone() throws IOException {
    Files.createDirectory(dir.resolve(WatchlistsFile.NAME + ".bak"));
    byte[] before = Files.readAllBytes(file);

    List<Issue> issues = editor.save(korea(), null, version());

    assertThat(issues).singleElement().satisfies(i -> {
      assertThat(i.field()).isEmpty();
      assertThat(i.message()).startsWith("cannot write " + WatchlistsFile.NAME);
    });
    assertThat(file).hasBinaryContent(before);
    assertThat(saves).hasValue(0);
  }

  @Test
  void aReadOnlyConfigDirectoryIsReportedAndLeftAlone() throws IOException {
    byte[] before = Files.readAllBytes(file);
    String opened = version();
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeThat(Files.isWritable(dir)).as("permissions bind this user (not root)").isFalse();

      List<Issue> issues = editor.save(korea(), null, opened);

      assertThat(issues).singleElement().satisfies(i -> {
        assertThat(i.field()).isEmpty();
        assertThat(i.message()).startsWith("cannot write " + WatchlistsFile.NAME);
      });
      assertThat(file).hasBinaryContent(before);
      assertThat(saves).hasValue(0);
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
