package org.tensorworkbench.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
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
 *   <li>{@value #GRAPH}: the SameDiff graph with its weights, BatchNorm running statistics and
 *       training configuration, and optionally the optimizer state (SameDiff's FlatBuffers file);
 *   <li>{@value #NETWORK}: the network design, as {@link NetworkSpecJson} writes it;
 *   <li>{@value #MANIFEST}: the format name and version, the {@link ModelMetadata} and the
 *       SHA-256 of {@value #GRAPH} ({@code graphSha256});
 * </ul>
 * and, as the zip's comment in the last 64 bytes, a {@link FileSeal}: the SHA-256 of every byte
 * before it.
 *
 * <p>Files are written atomically (a temp file, then a rename), so a crash never leaves half a
 * model. Every load checks, before anything is used: the seal (one changed byte anywhere), each
 * entry's CRC-32 over its whole content, the SHA-256 of the weights, and every weight's shape
 * against the shapes {@link org.tensorworkbench.engine.spec.ShapeInference} gives for the
 * network in the file. A file that fails is refused with a message naming it. Files saved before
 * the checksums existed (no {@code graphSha256}, no seal) are still read, with the CRC and shape
 * checks only.
 */
public final class ModelFile {
  /** The usual file name extension. */
  public static final String EXTENSION = ".twmodel";
  public static final int FORMAT_VERSION = 1;
  static final String FORMAT = "tensor-workbench-model";
  static final String MANIFEST = "model.json";
  static final String NETWORK = "network.json";
  static final String GRAPH = "graph.sd";
  static final String GRAPH_SHA256 = "graphSha256";

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
    byte[] networkBytes = NetworkSpecJson.write(network.spec()).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(file, out -> {
      OutputStream sealed = FileSeal.sealing(new KeepOpen(out));
      try (ZipOutputStream zip = new ZipOutputStream(new KeepOpen(sealed))) {
        zip.setComment(FileSeal.PLACEHOLDER);
        zip.putNextEntry(new ZipEntry(GRAPH));
        DigestOutputStream graph = new DigestOutputStream(new KeepOpen(zip), FileSeal.sha256());
        network.sameDiff().save(graph, updaterState);
        graph.flush();
        zip.closeEntry();
        manifest.put(GRAPH_SHA256, HexFormat.of().formatHex(graph.getMessageDigest().digest()));
        putEntry(zip, NETWORK, networkBytes);
        putEntry(zip, MANIFEST, MAPPER.writeValueAsBytes(manifest));
      }
      sealed.close();
    });
  }

  /**
   * Reads and checks a model; throws {@link ModelFileException} with a readable reason naming the
   * file if it is no model, is damaged, or its weights do not fit its network.
   */
  public static SavedModel load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!startsLikeZip(file)) {
      throw new ModelFileException("model.error.notAModel", null, file.getFileName());
    }
    boolean sealed = FileSeal.looksSealed(file);
    if (sealed && !FileSeal.holds(file)) {
      throw damaged(file, null);
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      JsonNode manifest = MAPPER.readTree(entry(zip, MANIFEST, file, true));
      if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
        throw new ModelFileException("model.error.notAModel", null, file.getFileName());
      }
      int version = manifest.path("formatVersion").asInt(-1);
      if (version > FORMAT_VERSION || version < 1) {
        throw new ModelFileException("model.error.newerFormat", null, file.getFileName(), version, FORMAT_VERSION);
      }
      String graphSha = manifest.path(GRAPH_SHA256).asText("");
      if (!graphSha.isEmpty() && !sealed) {
        throw damaged(file, null); // written with a seal that is no longer there
      }
      ModelMetadata metadata = MAPPER.treeToValue(manifest.path("metadata"), ModelMetadata.class);
      NetworkSpec spec = NetworkSpecJson.read(new String(entry(zip, NETWORK, file, false), StandardCharsets.UTF_8));
      byte[] graph = entry(zip, GRAPH, file, false);
      if (!graphSha.isEmpty() && !graphSha.equals(HexFormat.of().formatHex(FileSeal.sha256().digest(graph)))) {
        throw damaged(file, null);
      }
      boolean updaterState = manifest.path("updaterState").asBoolean(false);
      SameDiff sd;
      try {
        sd = SameDiff.load(new ByteArrayInputStream(graph), updaterState);
      } catch (RuntimeException e) {
        // SameDiff reports an unreadable FlatBuffers graph with runtime exceptions
        throw damaged(file, e);
      }
      CompiledNetwork network;
      try {
        network = NetworkCompiler.attach(spec, sd);
      } catch (SpecException e) {
        throw new ModelFileException("model.error.weightsDoNotFit", e, file.getFileName(), e.getLocalizedMessage());
      }
      return new SavedModel(network, metadata, updaterState);
    } catch (IOException e) {
      // ZipException, EOFException, JacksonException...: the bytes are not what was written
      throw damaged(file, e);
    } catch (SpecException e) {
      throw new ModelFileException("model.error.badNetwork", e, file.getFileName(), e.getLocalizedMessage());
    }
  }

  /**
   * The whole content of one entry, its CRC-32 checked (ZipFile itself never checks it).
   * A missing manifest means the file is no model; another missing part, that it is incomplete.
   */
  private static byte[] entry(ZipFile zip, String name, Path file, boolean manifest) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null && manifest) {
      throw new ModelFileException("model.error.notAModel", null, file.getFileName());
    }
    byte[] content;
    try (InputStream in = zip.getInputStream(required(zip, name, file))) {
      content = in.readAllBytes();
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
      throw damaged(file, null);
    }
    return content;
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
