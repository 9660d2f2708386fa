package dev.simclr.data;

import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decodes a folder of images ({@link FolderListing}) once into an {@link ImageStore}, on all
 * cores. Images are written straight into the store's buffer.
 */
final class ImageFolderLoader {

    /** Above this many files, progress lines go to stderr. */
    static final int PROGRESS_ABOVE = 2000;
    private static final long PROGRESS_EVERY_MS = 3000;

    private final Path root;
    private final int channels;
    private final int size;
    private final boolean skipUnreadable;
    private final PrintStream log;

    /**
     * @param size 0 keeps each image's size (then all must share one); otherwise resize + centre crop
     * @param log where warnings and progress lines go
     */
    ImageFolderLoader(Path root, int channels, int size, boolean skipUnreadable, PrintStream log) {
        this.root = root;
        this.channels = channels;
        this.size = size;
        this.skipUnreadable = skipUnreadable;
        this.log = log;
    }

    /** A file found in the folder and its class (-1 when unlabeled). */
    private record Entry(Path file, int label) {}

    ImageStore load(String description) throws IOException {
        return load(FolderListing.of(root), description);
    }

    ImageStore load(FolderListing listing, String description) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < listing.size(); i++) {
            entries.add(new Entry(listing.files().get(i), listing.label(i)));
        }
        return decodeAll(entries, listing.classNames() == null ? null : new ArrayList<>(listing.classNames()), description);
    }

    private ImageStore decodeAll(List<Entry> entries, List<String> classNames, String description) throws IOException {
        int n = entries.size();
        ConcurrentSkipListMap<Integer, String> failures = new ConcurrentSkipListMap<>();
        ImageShape shape;
        int first = 0;
        ImageDecoder.Decoded sample = null;
        if (size > 0) {
            shape = new ImageShape(channels, size, size);
        } else {
            // Without a target size, the first readable image fixes the shape every other must have.
            for (; first < n && sample == null; first++) {
                try {
                    sample = ImageDecoder.decode(entries.get(first).file(), channels, 0);
                } catch (IOException e) {
                    failures.put(first, e.getMessage());
                    if (!skipUnreadable) {
                        throw failure(failures, n);
                    }
                }
            }
            if (sample == null) {
                throw new DatasetException(root + ": none of its " + n + " files is a readable JPEG or PNG image (first: "
                        + failures.firstEntry().getValue() + ")");
            }
            shape = new ImageShape(channels, sample.height(), sample.width());
        }
        long bytes = (long) n * shape.size();
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new DatasetException(root + ": " + n + " images of " + shape + " need " + bytes
                    + " bytes, more than one dataset can hold; set size: to a smaller value or split the folder");
        }
        byte[] pixels = new byte[(int) bytes];
        boolean[] ok = new boolean[n];
        if (sample != null) {
            System.arraycopy(sample.chw(), 0, pixels, (first - 1) * shape.size(), shape.size());
            ok[first - 1] = true;
        }
        Path shapeSource = sample == null ? null : entries.get(first - 1).file();
        AtomicInteger next = new AtomicInteger(first);
        AtomicInteger done = new AtomicInteger(first);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> mismatch = new AtomicReference<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n - first));
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("image-folder-decode"));
        ScheduledExecutorService ticker = null;
        long started = System.nanoTime();
        if (n > PROGRESS_ABOVE) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemon("image-folder-progress"));
            ticker.scheduleAtFixedRate(() -> log.println("image-folder: decoded " + done.get() + " of " + n + " images in " + root),
                    PROGRESS_EVERY_MS, PROGRESS_EVERY_MS, TimeUnit.MILLISECONDS);
        }
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while (!stop.get() && (i = next.getAndIncrement()) < n) {
                        Path file = entries.get(i).file();
                        try {
                            ImageDecoder.Decoded d = ImageDecoder.decode(file, channels, size);
                            if (d.height() != shape.height() || d.width() != shape.width()) {
                                mismatch.compareAndSet(null, file + " is " + d.width() + "x" + d.height() + " but " + shapeSource + " is "
                                        + shape.width() + "x" + shape.height() + "; all images must share one size, or set size: N"
                                        + " to resize and centre-crop them at load");
                                stop.set(true);
                                continue;
                            }
                            System.arraycopy(d.chw(), 0, pixels, i * shape.size(), shape.size());
                            ok[i] = true;
                        } catch (IOException e) {
                            failures.put(i, e.getMessage());
                            if (!skipUnreadable) {
                                stop.set(true);
                            }
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(root + ": interrupted while decoding images", e);
        } catch (ExecutionException e) {
            throw new IOException(root + ": decoding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        if (mismatch.get() != null) {
            throw new DatasetException(mismatch.get());
        }
        if (!failures.isEmpty() && !skipUnreadable) {
            throw failure(failures, n);
        }
        if (n > PROGRESS_ABOVE) {
            log.printf("image-folder: decoded %d images in %.1f s from %s%n", n - failures.size(),
                    (System.nanoTime() - started) / 1e9, root);
        }
        if (!failures.isEmpty()) {
            log.println("image-folder: warning: skipped " + failures.size() + " unreadable file" + (failures.size() == 1 ? "" : "s")
                + " of " + n + " in " + root + " (first: " + failures.firstEntry().getValue() + ")");
        }
        return store(description, shape, pixels, entries, classNames, ok);
    }

    /** The store of the decoded images, dropping the skipped ones. */
    private ImageStore store(String description, ImageShape shape, byte[] pixels, List<Entry> entries,
            List<String> classNames, boolean[] ok) throws DatasetException {
        int n = entries.size();
        int kept = 0;
        int[] perClass = classNames == null ? null : new int[classNames.size()];
        int image = shape.size();
        for (int i = 0; i < n; i++) {
            if (ok[i]) {
                if (kept != i) {
                    System.arraycopy(pixels, i * image, pixels, kept * image, image);
                }
                if (perClass != null) {
                    perClass[entries.get(i).label()]++;
                }
                kept++;
            }
        }
        if (perClass != null) {
            for (int c = 0; c < perClass.length; c++) {
                if (perClass[c] == 0) {
                    throw new DatasetException(root.resolve(classNames.get(c))
                            + ": class folder has no readable images; expected at least one JPEG or PNG image");
                }
            }
        }
        int[] labels = null;
        if (classNames != null) {
            labels = new int[kept];
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (ok[i]) {
                    labels[at++] = entries.get(i).label();
                }
            }
        }
        byte[] exact = kept == n ? pixels : Arrays.copyOf(pixels, kept * image);
        return new ImageStore(description, shape, exact, labels, classNames);
    }

    private DatasetException failure(ConcurrentSkipListMap<Integer, String> failures, int n) {
        String more = failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "";
        return new DatasetException(failures.firstEntry().getValue() + more
                + "; remove such files from " + root + ", or set skip-unreadable: true to skip them with a warning");
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
