package org.tensorworkbench.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class RelauncherTest {

  @Test
  void theNewProcessGetsTheExecutableAndEveryArgumentInOrder() {
    ProcessHandle.Info javaJar = info(Optional.of("/usr/lib/jvm/java-17/bin/java"),
        Optional.of(new String[] {"--enable-native-access=ALL-UNNAMED", "-jar", "/opt/tw/tensor-workbench.jar"}));
    assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "--enable-native-access=ALL-UNNAMED", "-jar",
        "/opt/tw/tensor-workbench.jar"), Relauncher.commandOf(javaJar).orElseThrow());
  }

  @Test
  void anUnknownCommandLineMeansNoRelaunch() {
    assertTrue(Relauncher.commandOf(info(Optional.of("java"), Optional.empty())).isEmpty());
    assertTrue(Relauncher.commandOf(info(Optional.empty(), Optional.of(new String[0]))).isEmpty());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void thisJvmsOwnCommandLineIsKnownOnLinux() {
    List<String> command = Relauncher.commandOf(ProcessHandle.current().info()).orElseThrow();
    assertTrue(command.get(0).endsWith("java"), command.toString());
  }

  private static ProcessHandle.Info info(Optional<String> command, Optional<String[]> arguments) {
    return new ProcessHandle.Info() {
      @Override
      public Optional<String> command() {
        return command;
      }

      @Override
      public Optional<String> commandLine() {
        return Optional.empty();
      }

      @Override
      public Optional<String[]> arguments() {
        return arguments;
      }

      @Override
      public Optional<Instant> startInstant() {
        return Optional.empty();
      }

      @Override
      public Optional<Duration> totalCpuDuration() {
        return Optional.empty();
      }

      @Override
      public Optional<String> user() {
        return Optional.empty();
      }
    };
  }
}
