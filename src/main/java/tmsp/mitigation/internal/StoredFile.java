package tmsp.mitigation.internal;

/** A file in the sample store: its name there (not the uploader's), its size and its SHA-256 (hex). */
record StoredFile(String name, long size, String sha256) {
}
