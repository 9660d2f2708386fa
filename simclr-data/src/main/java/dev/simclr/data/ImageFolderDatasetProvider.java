package dev.simclr.data;

import com.google.auto.service.AutoService;
import dev.simclr.api.DatasetProvider;
import dev.simclr.api.ImageDataset;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code image-folder}: JPEG and PNG images in a folder with one sub-folder per class (labelled),
 * or directly in the folder (unlabeled, for pre-training only). Either decoded once, in parallel,
 * into uint8 CHW ({@link ImageFolderLoader}), or streamed: each image read and decoded when a batch
 * needs it ({@link StreamedDataset}), for folders whose decoded pixels would not fit in memory.
 */
@AutoService(DatasetProvider.class)
public final class ImageFolderDatasetProvider implements DatasetProvider {

    @Override
    public String name() {
        return "image-folder";
    }

    @Override
    public String description() {
        return "JPEG/PNG images: one sub-folder per class, or a flat folder of unlabeled images";
    }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.string("path", null, "folder of class sub-folders, or of images").asRequired(),
                Param.integer("size", 0, 1, 4096, "resize the shorter side to this and centre-crop to size x size at load"
                        + " (default: keep the images' size, which must then be the same for all)").asOptional(),
                Param.choice("channels", "3", List.of("1", "3"), "3: RGB; 1: grayscale (ITU-R 601-2 luma)"),
                Param.bool("skip-unreadable", false, "skip files that are not readable images with one warning, instead of failing"),
                Param.choice("stream", "auto", List.of("auto", "true", "false"), "true: read and decode each image when a batch"
                        + " needs it; false: decode all at load; auto: stream when the decoded images would take over a quarter of the heap"));
    }

    @Override
    public ImageDataset open(Params params) throws IOException {
        Path root = Path.of(params.getString("path"));
        int size = params.has("size") ? params.getInt("size") : 0;
        int channels = Integer.parseInt(params.getString("channels"));
        boolean skip = params.getBool("skip-unreadable");
        FolderListing listing = FolderListing.of(root);
        String description = "image-folder " + root + (size > 0 ? " size " + size : "");
        if (StreamChoice.streams(params.getString("stream", "auto"), listing, channels, size, System.err)) {
            return new StreamedDataset(description + ", streamed", listing, channels, size, skip, System.err, null);
        }
        return new ImageFolderLoader(root, channels, size, skip, System.err).load(listing, description);
    }
}
