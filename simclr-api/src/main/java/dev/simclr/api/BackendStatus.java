package dev.simclr.api;

import java.util.List;

/**
 * What {@code simclr doctor} reports for a backend.
 *
 * @param name backend name
 * @param available whether the engine loaded
 * @param version engine version, or null
 * @param devices devices the engine sees
 * @param canTrain whether it can pre-train
 * @param detail why not available, native library location, or other notes
 */
public record BackendStatus(String name, boolean available, String version, List<String> devices, boolean canTrain, String detail) {}
