package dev.simclr.augment;

import dev.simclr.api.FloatImage;
import dev.simclr.api.ImageShape;
import dev.simclr.augment.functional.ColorOps;
import dev.simclr.augment.functional.GaussianBlur;
import dev.simclr.augment.functional.Hue;
import dev.simclr.augment.functional.Resample;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline case's {@code steps}, as the generator writes them: torchvision.transforms.functional
 * calls such as {@code resized_crop(4,6,20,24,[32,32],bilinear,antialias=False)}, {@code hflip},
 * {@code adjust_hue(0.1)}, {@code rgb_to_grayscale(3)}, {@code normalize(ImageNet mean/std)} or
 * {@code normalize([m0,m1,m2],[s0,s1,s2])}. Each step is run with our op and adds to the chain's
 * error bound ({@link ErrorBound#after}).
 */
final class GoldenRecipe {

    /** torchvision's ImageNet statistics, as the reference pipeline names them. */
    private static final double[] IMAGENET_MEAN = {0.485, 0.456, 0.406};
    private static final double[] IMAGENET_STD = {0.229, 0.224, 0.225};

    private FloatImage image;
    private double bound;

    private GoldenRecipe(FloatImage image) {
        this.image = image;
    }

    /** Runs every step on {@code input}; an unknown step fails naming it. */
    static GoldenRecipe run(FloatImage input, Iterable<String> steps) {
        GoldenRecipe r = new GoldenRecipe(input);
        for (String step : steps) {
            r.apply(step.trim());
        }
        return r;
    }

    FloatImage result() {
        return image;
    }

    /** The bound on |ours - torch| for the whole chain. */
    double bound() {
        return bound;
    }

    private void apply(String step) {
        int open = step.indexOf('(');
        String name = open < 0 ? step : step.substring(0, open);
        List<String> args = open < 0 ? List.of() : arguments(step.substring(open + 1, step.lastIndexOf(')')));
        int pixels = image.shape().pixels();
        switch (name) {
            case "resized_crop" -> resizedCrop(args, step);
            case "hflip" -> chain(ErrorBound.hflip(), () -> RandomHorizontalFlip.flip(image));
            case "adjust_brightness" -> {
                double f = number(args, 0, step);
                chain(ErrorBound.brightness(f), () -> ColorOps.adjustBrightness(image.data(), image.channels(), pixels, f));
            }
            case "adjust_contrast" -> {
                double f = number(args, 0, step);
                chain(ErrorBound.contrast(f, pixels), () -> ColorOps.adjustContrast(image.data(), image.channels(), pixels, f));
            }
            case "adjust_saturation" -> {
                double f = number(args, 0, step);
                chain(ErrorBound.saturation(f), () -> ColorOps.adjustSaturation(image.data(), image.channels(), pixels, f));
            }
            case "adjust_hue" -> {
                double f = number(args, 0, step);
                chain(ErrorBound.hue(), () -> Hue.adjustHue(image.data(), image.channels(), pixels, f));
            }
            case "rgb_to_grayscale" -> grayscale((int) number(args, 0, step));
            case "gaussian_blur" -> blur(args, step);
            case "solarize" -> {
                double t = number(args, 0, step);
                chain(ErrorBound.solarize(), () -> RandomSolarize.solarize(image.data(), image.shape().size(), t));
            }
            case "normalize" -> normalize(args, step);
            default -> throw new IllegalArgumentException("pipeline step '" + step + "' is not one the golden tests know");
        }
    }

    private void chain(ErrorBound op, Runnable run) {
        run.run();
        bound = op.after(bound);
    }

    private void resizedCrop(List<String> a, String step) {
        if (a.size() > 5 && !a.get(5).equals("bilinear")) {
            throw new IllegalArgumentException("pipeline step '" + step + "': only bilinear interpolation is implemented");
        }
        // torchvision 0.14's tensor default is antialias=None, which means False
        boolean antialias = a.stream().anyMatch(s -> s.replace(" ", "").equals("antialias=True"));
        int top = (int) number(a, 0, step);
        int left = (int) number(a, 1, step);
        int h = (int) number(a, 2, step);
        int w = (int) number(a, 3, step);
        double[] size = list(a.get(4));
        ImageShape out = new ImageShape(image.channels(), (int) size[0], (int) size[size.length - 1]);
        float[] dst = new float[out.size()];
        Resample.resizedCrop(image.data(), image.channels(), image.height(), image.width(), top, left, h, w,
                out.height(), out.width(), antialias, dst);
        image = new FloatImage(out, dst);
        bound = ErrorBound.resizedCrop(h, w, out.height(), out.width(), antialias).after(bound);
    }

    private void grayscale(int channels) {
        int pixels = image.shape().pixels();
        if (channels == image.channels()) {
            ColorOps.grayscaleKeepChannels(image.data(), image.channels(), pixels);
        } else {
            FloatImage gray = new FloatImage(new ImageShape(1, image.height(), image.width()));
            ColorOps.grayscaleInto(image.data(), pixels, gray.data());
            image = gray;
        }
        bound = ErrorBound.grayscale().after(bound);
    }

    private void blur(List<String> a, String step) {
        if (a.size() != 2) {
            throw new IllegalArgumentException("pipeline step '" + step + "': expected gaussian_blur([k,k],[s,s])");
        }
        int k = (int) list(a.get(0))[0];
        double sigma = list(a.get(1))[0];
        chain(ErrorBound.gaussianBlur(k),
                () -> GaussianBlur.blur(image.data(), image.channels(), image.height(), image.width(), k, sigma));
    }

    private void normalize(List<String> a, String step) {
        boolean imagenet = a.size() == 1 && a.get(0).startsWith("ImageNet");
        if (!imagenet && a.size() != 2) {
            throw new IllegalArgumentException("pipeline step '" + step + "': expected normalize(ImageNet mean/std) "
                    + "or normalize([means],[stds])");
        }
        double[] mean = imagenet ? IMAGENET_MEAN : list(a.get(0));
        double[] std = imagenet ? IMAGENET_STD : list(a.get(1));
        image = new Normalize(mean, std).apply(image, null);
        bound = ErrorBound.normalize(Golden.min(std)).after(bound);
    }

    /** Splits at the commas outside brackets. */
    private static List<String> arguments(String inside) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char ch = inside.charAt(i);
            depth += ch == '[' ? 1 : ch == ']' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                out.add(inside.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!inside.isBlank()) {
            out.add(inside.substring(start).trim());
        }
        return out;
    }

    private static double number(List<String> args, int i, String step) {
        if (args.size() <= i) {
            throw new IllegalArgumentException("pipeline step '" + step + "' lacks argument " + (i + 1));
        }
        return Double.parseDouble(args.get(i));
    }

    private static double[] list(String bracketed) {
        String inner = bracketed.replace("[", "").replace("]", "").trim();
        return arguments(inner).stream().mapToDouble(Double::parseDouble).toArray();
    }
}
