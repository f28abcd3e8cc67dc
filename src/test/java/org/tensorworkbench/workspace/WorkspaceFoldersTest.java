package org.tensorworkbench.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's folders are named in one place and come from the user's settings. */
class WorkspaceFoldersTest {
  @TempDir
  Path temp;

  @AfterEach
  void forgetOverride() {
    System.clearProperty(ConfigDirectory.OVERRIDE_PROPERTY);
  }

  @Test
  void subFoldersAreNamedHere() {
    WorkspaceFolders folders = new WorkspaceFolders(temp);
    assertEquals(temp.resolve("designs"), folders.designs());
    assertEquals(temp.resolve("runs"), folders.runs());
    assertEquals(temp.resolve("models"), folders.models());
    assertEquals(temp.resolve("playground"), folders.folder("playground"));
    for (String bad : new String[] {"..", ".", "", "a/b", "a\\b"}) {
      assertThrows(IllegalArgumentException.class, () -> folders.folder(bad), bad);
    }
  }

  @Test
  void theCurrentUsersWorkspaceIsTheOneInTheirSettings() throws IOException {
    Path config = temp.resolve("config");
    Path chosen = temp.resolve("my work");
    System.setProperty(ConfigDirectory.OVERRIDE_PROPERTY, config.toString());
    SettingsFile.forCurrentUser().save(Settings.defaults(temp).withWorkspaceFolder(chosen));
    assertEquals(chosen.toAbsolutePath(), WorkspaceFolders.ofCurrentUser().root());
    assertEquals(chosen.toAbsolutePath(), WorkspaceFolders.chosenOrCurrentUser(null).root());
    assertEquals(temp.resolve("other"), WorkspaceFolders.chosenOrCurrentUser(temp.resolve("other")).root());
  }
}
