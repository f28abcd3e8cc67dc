package org.tensorworkbench.engine.data;

import java.net.URI;

/**
 * A file to download and the SHA-256 it must have.
 *
 * @param uri where to fetch it
 * @param fileName the name it gets in the dataset's folder
 * @param sha256 the expected lower-case hex SHA-256
 * @param size the expected size in bytes (for progress when the server sends no length)
 */
public record RemoteFile(URI uri, String fileName, String sha256, long size) {}
