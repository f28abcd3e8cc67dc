package org.tensorworkbench.ui.shell;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tensorworkbench.workspace.PreferredDevice;
import org.tensorworkbench.workspace.Settings;
import org.tensorworkbench.workspace.WindowBounds;
import org.tensorworkbench.workspace.ZoomLevels;
import org.tensorworkbench.engine.BackendInfo;
import org.tensorworkbench.engine.DeviceChoice;
import org.tensorworkbench.i18n.Messages;
import org.tensorworkbench.ui.common.Appearance;
import org.tensorworkbench.ui.common.I18n;

/**
 * The state behind the main window: the settings in effect, how they change (zoom, language, the
 * settings dialog, the window's place) and what the status bar should say about them. Every
 * change is applied to the live UI (language, zoom) and handed to the store at once, so nothing is
 * lost if the app is killed. Needs no running toolkit.
 */
public final class ShellViewModel {
  private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper restartNeeded = new ReadOnlyBooleanWrapper();
  private final Settings atStart;
  private final Locale systemLocale;
  private final Consumer<Settings> store;

  /**
   * @param initial the settings loaded at start (already sanitized)
   * @param systemLocale the operating system's language, used when no language was chosen
   * @param store persists every new settings value
   */
  public ShellViewModel(Settings initial, Locale systemLocale, Consumer<Settings> store) {
    this.atStart = Objects.requireNonNull(initial);
    this.systemLocale = systemLocale;
    this.store = store;
    settings.set(initial);
    applyToUi(initial);
  }

  public ReadOnlyObjectProperty<Settings> settingsProperty() {
    return settings.getReadOnlyProperty();
  }

  public Settings settings() {
    return settings.get();
  }

  /** The language in use: the chosen one or the system's. */
  public Locale locale() {
    return settings().locale(systemLocale);
  }

  public Locale systemLocale() {
    return Messages.supportedOrEnglish(systemLocale);
  }

  /** True once the device or the workspace folder differ from those the app started with. */
  public ReadOnlyBooleanProperty restartNeededProperty() {
    return restartNeeded.getReadOnlyProperty();
  }

  public void zoomIn() {
    update(settings().withZoomPercent(ZoomLevels.larger(settings().zoomPercent())));
  }

  public void zoomOut() {
    update(settings().withZoomPercent(ZoomLevels.smaller(settings().zoomPercent())));
  }

  public void resetZoom() {
    update(settings().withZoomPercent(ZoomLevels.DEFAULT));
  }

  /** Switches the language now (from the View menu); it is remembered as an explicit choice. */
  public void chooseLanguage(Locale locale) {
    update(settings().withLanguage(locale));
  }

  /**
   * Takes the values of the settings dialog. The window's place is not edited there, so the
   * current one is kept.
   */
  public void apply(Settings edited) {
    update(edited.withWindow(settings().window()));
  }

  /** Remembers the workspace shown, to start there next time (see {@link #startWorkspace()}). */
  public void rememberWorkspace(Workspace shown) {
    update(settings().withLastWorkspace(shown.id()));
  }

  /**
   * Where the window opens: the Learn workspace until the user has shown another one, then the
   * workspace shown last (Learn again for an id this version does not have).
   */
  public Workspace startWorkspace() {
    String last = settings().lastWorkspace();
    for (Workspace w : Workspace.values()) {
      if (w.id().equals(last)) {
        return w;
      }
    }
    return Workspace.LEARN;
  }

  /** Remembers where the main window is (called when the app closes). */
  public void rememberWindow(WindowBounds bounds) {
    update(settings().withWindow(bounds));
  }

  /**
   * The i18n key of a note for the status bar when the backend in use is not the preferred
   * device, e.g. the GPU was chosen but this build or this machine only runs on the CPU.
   */
  public Optional<String> deviceNoteKey(BackendInfo inUse) {
    PreferredDevice preferred = settings().device();
    if (preferred == PreferredDevice.GPU && !inUse.gpu()) {
      return Optional.of("shell.status.gpuNotInUse");
    }
    if (preferred == PreferredDevice.CPU && inUse.gpu()) {
      return Optional.of("shell.status.cpuNotInUse");
    }
    return Optional.empty();
  }

  /** What it takes to compute on the preferred device, given the facts of this process. */
  public DeviceChoice.Switch deviceSwitch(DeviceChoice facts) {
    return facts.switchTo(settings().device() == PreferredDevice.GPU ? DeviceChoice.Device.GPU : DeviceChoice.Device.CPU);
  }

  /** Whether the workspace folder differs from the one the app started with. */
  public boolean workspaceFolderChanged() {
    return !settings().workspaceFolder().equals(atStart.workspaceFolder());
  }

  private void update(Settings next) {
    if (next.equals(settings())) {
      return;
    }
    settings.set(next);
    applyToUi(next);
    restartNeeded.set(next.device() != atStart.device() || workspaceFolderChanged());
    store.accept(next);
  }

  private void applyToUi(Settings s) {
    I18n.setLocale(s.locale(systemLocale));
    Appearance.setZoomPercent(s.zoomPercent());
  }
}
