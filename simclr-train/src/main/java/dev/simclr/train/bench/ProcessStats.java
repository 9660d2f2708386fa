package dev.simclr.train.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A reading of this process's counters from Linux {@code /proc/self}: CPU time split into user and
 * system time, minor page faults, and peak resident memory. Where {@code /proc} is missing (not
 * Linux) every value is NaN, so a benchmark still runs and says so.
 *
 * @param userSeconds CPU time spent in user mode, all threads
 * @param systemSeconds CPU time spent in the kernel, all threads (page faults, mmap/munmap, futex waits)
 * @param minorFaults page faults served without I/O; a high rate means memory is mapped and unmapped again and again
 * @param peakRssMb peak resident set size ({@code VmHWM}), MiB
 */
public record ProcessStats(double userSeconds, double systemSeconds, double minorFaults, double peakRssMb) {

    /** Linux reports CPU times in clock ticks; 100 per second on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;

    public static ProcessStats read() {
        double user = Double.NaN;
        double system = Double.NaN;
        double faults = Double.NaN;
        double peak = Double.NaN;
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name, which is in parentheses and may hold spaces (proc(5))
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            faults = Double.parseDouble(f[7]);
            user = Double.parseDouble(f[11]) / TICKS_PER_SECOND;
            system = Double.parseDouble(f[12]) / TICKS_PER_SECOND;
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Double.parseDouble(line.substring(6).trim().split("\\s+")[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected layout: the values stay NaN
        }
        return new ProcessStats(user, system, faults, peak);
    }

    /** Counters accumulated since {@code earlier}; the peak is this reading's. */
    public ProcessStats since(ProcessStats earlier) {
        return new ProcessStats(userSeconds - earlier.userSeconds, systemSeconds - earlier.systemSeconds,
                minorFaults - earlier.minorFaults, peakRssMb);
    }
}
