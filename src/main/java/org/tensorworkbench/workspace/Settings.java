package org.tensorworkbench.workspace;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.tensorworkbench.i18n.Messages;

/**
 * What the workbench remembers between runs. An immutable value: every change makes a new one,
 * so the shell can compare, persist and undo settings without sharing mutable state.
 *
 * @param language the chosen language as a BCP 47 tag ({@code en}, {@code zh-CN}), or null to
 *     follow the operating system's language
 * @param zoomPercent the UI zoom, {@link ZoomLevels#MIN} to {@link ZoomLevels#MAX}
 * @param window where the main window was, or null to let the app choose
 * @param device the device the user prefers to compute on
 * @param workspaceFolder the absolute folder holding {@code designs/}, {@code runs/} and {@code models/}
 * @param lastWorkspace the id of the workspace shown last ({@code shell.Workspace}), where the
 *     next start opens; null until the user leaves the Learn workspace, which is the start page
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(
    String language,
    int zoomPercent,
    WindowBounds window,
    PreferredDevice device,
    String workspaceFolder,
    String lastWorkspace) {

  /** The name of the default workspace folder inside the user's home. */
  public static final String DEFAULT_WORKSPACE_NAME = "TensorWorkbench";

  /** First-run settings: the system language, 100 %, the CPU, {@code ~/TensorWorkbench}. */
  public static Settings defaults(Path userHome) {
    return new Settings(null, ZoomLevels.DEFAULT, null, PreferredDevice.CPU,
        userHome.resolve(DEFAULT_WORKSPACE_NAME).toAbsolutePath().toString(), null);
  }

  /**
   * These settings with every out-of-range or unreadable value replaced by its default, so a
   * hand-edited file can never put the app into a state it cannot show.
   */
  public Settings sanitized(Path userHome) {
    Settings d = defaults(userHome);
    String lang = language != null && isSupportedTag(language) ? language : null;
    int zoom = zoomPercent == 0 ? d.zoomPercent() : ZoomLevels.clamp(zoomPercent);
    WindowBounds bounds = window != null && window.usable() ? window : null;
    PreferredDevice dev = device == null ? d.device() : device;
    String folder = ConfigDirectory.isAbsolute(workspaceFolder) ? workspaceFolder : d.workspaceFolder();
    String last = lastWorkspace != null && lastWorkspace.matches("[a-z-]{1,40}") ? lastWorkspace : null;
    return new Settings(lang, zoom, bounds, dev, folder, last);
  }

  /** The language to show: the chosen one, or the supported language closest to {@code system}. */
  public Locale locale(Locale system) {
    return Messages.supportedOrEnglish(language == null ? system : Locale.forLanguageTag(language));
  }

  /** The chosen language, empty when following the operating system. */
  @JsonIgnore
  public Optional<Locale> chosenLocale() {
    return Optional.ofNullable(language).map(Locale::forLanguageTag);
  }

  @JsonIgnore
  public Path workspacePath() {
    return Path.of(workspaceFolder);
  }

  public Settings withLanguage(Locale locale) {
    String tag = locale == null ? null : Messages.supportedOrEnglish(locale).toLanguageTag();
    return new Settings(tag, zoomPercent, window, device, workspaceFolder, lastWorkspace);
  }

  public Settings withZoomPercent(int percent) {
    return new Settings(language, ZoomLevels.clamp(percent), window, device, workspaceFolder, lastWorkspace);
  }

  public Settings withWindow(WindowBounds bounds) {
    return new Settings(language, zoomPercent, bounds, device, workspaceFolder, lastWorkspace);
  }

  public Settings withDevice(PreferredDevice preferred) {
    return new Settings(language, zoomPercent, window, preferred, workspaceFolder, lastWorkspace);
  }

  public Settings withWorkspaceFolder(Path folder) {
    return new Settings(language, zoomPercent, window, device, folder.toAbsolutePath().toString(), lastWorkspace);
  }

  /** These settings with {@code id} as the workspace to open next time. */
  public Settings withLastWorkspace(String id) {
    return new Settings(language, zoomPercent, window, device, workspaceFolder, id);
  }

  private static boolean isSupportedTag(String tag) {
    return Messages.SUPPORTED.contains(Locale.forLanguageTag(tag));
  }
}
