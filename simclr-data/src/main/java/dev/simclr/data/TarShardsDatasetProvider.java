package dev.simclr.data;

import com.google.auto.service.AutoService;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code tar-shards}: images in tar archives in the WebDataset layout ({@code <key>.jpg} or
 * {@code .png}, and {@code <key>.cls} holding the class number for labelled data), the layout
 * large self-supervised runs use. Always streamed: the shards are indexed when the run starts
 * (headers only) and each image is read and decoded when a batch needs it; the epoch visits the
 * shards in a seeded order through a shuffle buffer ({@link ShardOrder}).
 */
@AutoService(DatasetProvider.class)
public final class TarShardsDatasetProvider implements DatasetProvider {

    @Override
    public String name() {
        return "tar-shards";
    }

    @Override
    public String description() {
        return "WebDataset tar shards (<key>.jpg/.png with <key>.cls), read as they are used";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.string("path", null, "a .tar file, or a folder of .tar files (read in name order)").asRequired(),
                Param.integer("size", 0, 1, 4096, "resize the shorter side to this and centre-crop to size x size as images are read"
                        + " (default: keep the images' size, which must then be the same for all)").asOptional(),
                Param.choice("channels", "3", List.of("1", "3"), "3: RGB; 1: grayscale (ITU-R 601-2 luma)"),
                Param.bool("skip-unreadable", false, "skip images that cannot be decoded with a warning, instead of failing"),
                Param.integer("shuffle-buffer", 1000, 1, null, "samples in the shuffle buffer that mixes the shards' order (1: none)"));
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        Path path = Path.of(params.getString("path"));
        int size = params.has("size") ? params.getInt("size") : 0;
        int channels = Integer.parseInt(params.getString("channels"));
        int buffer = params.getInt("shuffle-buffer");
        List<Path> shards = shards(path);
        TarShardImages images = TarShardImages.index(path.toString(), shards);
        int[] starts = images.shardStarts();
        String description = "tar-shards " + path + " (" + shards.size() + " shard" + (shards.size() == 1 ? "" : "s") + ")"
                + (size > 0 ? " size " + size : "");
        return new StreamedDataset(description, images, channels, size, params.getBool("skip-unreadable"), System.err,
                (seed, epoch) -> ShardOrder.of(starts, buffer, seed, epoch));
    }

    /** The .tar files: the one named, or those in the folder (not hidden), in name order. */
    static List<Path> shards(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "not found; expected a .tar file or a folder of .tar files");
        }
        List<Path> tars;
        try (Stream<Path> s = Files.list(path)) {
            tars = s.filter(p -> p.getFileName().toString().endsWith(".tar") && !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
        if (tars.isEmpty()) {
            throw new DatasetException(path + ": holds no .tar files; expected WebDataset shards such as shard-000000.tar");
        }
        return tars;
    }
}
