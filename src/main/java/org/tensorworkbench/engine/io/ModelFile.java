package org.tensorworkbench.engine.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.tensorworkbench.engine.graph.CompiledNetwork;
import org.tensorworkbench.engine.graph.NetworkCompiler;
import org.tensorworkbench.engine.spec.NetworkSpec;
import org.tensorworkbench.engine.spec.NetworkSpecJson;
import org.tensorworkbench.engine.spec.SpecException;

/**
 * One trained model per file ({@code .twmodel}): a zip holding
 *
 * <ul>
 *   <li>{@value #MANIFEST}: the format name and version and the {@link ModelMetadata};
 *   <li>{@value #NETWORK}: the network design, as {@link NetworkSpecJson} writes it;
 *   <li>{@value #GRAPH}: the SameDiff graph with its weights, BatchNorm running statistics and
 *       training configuration, and optionally the optimizer state (SameDiff's FlatBuffers file).
 * </ul>
 *
 * Files are written atomically (a temp file, then a rename), so a crash never leaves half a
 * model. Reading refuses, with a message in the user's language, a file that is no model, is cut
 * short or damaged, or comes from a newer version of the workbench.
 */
public final class ModelFile {
  /** The usual file name extension. */
  public static final String EXTENSION = ".twmodel";
  public static final int FORMAT_VERSION = 1;
  static final String FORMAT = "tensor-workbench-model";
  static final String MANIFEST = "model.json";
  static final String NETWORK = "network.json";
  static final String GRAPH = "graph.sd";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  private ModelFile() {}

  /**
   * Writes {@code network} with its current weights. With {@code updaterState} the optimizer's
   * state is kept too (about 3x the size for Adam), so training can resume bit-identically.
   * Call it from the thread that trains, between iterations.
   */
  public static void save(Path file, CompiledNetwork network, ModelMetadata metadata, boolean updaterState)
      throws IOException {
    ObjectNode manifest = MAPPER.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("formatVersion", FORMAT_VERSION);
    manifest.put("updaterState", updaterState);
    manifest.set("metadata", MAPPER.valueToTree(metadata.withSavedAt(Instant.now())));
    byte[] manifestBytes = MAPPER.writeValueAsBytes(manifest);
    byte[] networkBytes = NetworkSpecJson.write(network.spec()).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> {
      try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out))) {
        putEntry(zip, MANIFEST, manifestBytes);
        putEntry(zip, NETWORK, networkBytes);
        zip.putNextEntry(new ZipEntry(GRAPH));
        network.sameDiff().save(new KeepOpen(zip), updaterState);
        zip.closeEntry();
      }
    });
  }

  /** Reads a model; throws {@link ModelFileException} with a readable reason if it cannot. */
  public static SavedModel load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!startsLikeZip(file)) {
      throw new ModelFileException("model.error.notAModel", null, file.getFileName());
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      JsonNode manifest = readManifest(zip, file);
      int version = manifest.path("formatVersion").asInt(-1);
      if (version > FORMAT_VERSION || version < 1) {
        throw new ModelFileException("model.error.newerFormat", null, file.getFileName(), version, FORMAT_VERSION);
      }
      ModelMetadata metadata = MAPPER.treeToValue(manifest.path("metadata"), ModelMetadata.class);
      NetworkSpec spec = NetworkSpecJson.read(new String(entry(zip, NETWORK, file), StandardCharsets.UTF_8));
      boolean updaterState = manifest.path("updaterState").asBoolean(false);
      SameDiff sd;
      try (InputStream in = zip.getInputStream(required(zip, GRAPH, file))) {
        sd = SameDiff.load(in, updaterState);
      } catch (IOException e) {
        throw damaged(file, e);
      } catch (RuntimeException e) {
        // SameDiff reports an unreadable FlatBuffers graph with runtime exceptions
        throw damaged(file, e);
      }
      return new SavedModel(NetworkCompiler.attach(spec, sd), metadata, updaterState);
    } catch (ZipException e) {
      throw damaged(file, e);
    } catch (JacksonException e) {
      throw damaged(file, e);
    } catch (SpecException e) {
      throw new ModelFileException("model.error.badNetwork", e, file.getFileName(), e.getLocalizedMessage());
    }
  }

  private static JsonNode readManifest(ZipFile zip, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(MANIFEST);
    if (entry == null) {
      throw new ModelFileException("model.error.notAModel", null, file.getFileName());
    }
    JsonNode manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = MAPPER.readTree(in);
    }
    if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
      throw new ModelFileException("model.error.notAModel", null, file.getFileName());
    }
    return manifest;
  }

  private static byte[] entry(ZipFile zip, String name, Path file) throws IOException {
    try (InputStream in = zip.getInputStream(required(zip, name, file))) {
      return in.readAllBytes();
    }
  }

  private static ZipEntry required(ZipFile zip, String name, Path file) throws ModelFileException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ModelFileException("model.error.missingPart", null, file.getFileName(), name);
    }
    return entry;
  }

  private static boolean startsLikeZip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(ZIP_MAGIC.length);
      return java.util.Arrays.equals(head, ZIP_MAGIC);
    }
  }

  private static ModelFileException damaged(Path file, Exception cause) {
    return new ModelFileException("model.error.damaged", cause, file.getFileName());
  }

  private static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** Passes writes through but not close(): SameDiff and ZipOutputStream close what they are given. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
