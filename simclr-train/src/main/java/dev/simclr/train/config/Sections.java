package dev.simclr.train.config;

import dev.simclr.api.Param;
import dev.simclr.data.DatasetOpener;
import java.util.List;

/**
 * Declared parameters of the built-in (non-plugin) sections of a run file: {@code train},
 * {@code output}, and the options every dataset takes.
 */
public final class Sections {

    private Sections() {}

    /** Top-level keys, in the order a resolved config is written. */
    public static final List<String> TOP_LEVEL = List.of(
            "seed", "backend", "data", "augment", "model", "loss", "train", "evaluate", "output");

    public static final Param SEED = Param.integer("seed", 42, 0, null,
            "seed of every random draw (data order, augmentation, initialisation)");

    /** {@code train:} pre-training settings. */
    public static final List<Param> TRAIN = List.of(
            Param.integer("epochs", 10, 1, 1_000_000, "passes over the pre-training data"),
            Param.integer("batch-size", 128, 2, 1 << 20, "source images per step; each gives two views, so 2x this many go through the encoder"),
            Param.integer("max-steps", 0, 0, null, "stop after this many steps (0: no limit); for smoke tests"),
            Param.choice("optimizer", "adam", List.of("adam", "sgd", "lars"), "adam as the reference tutorial; lars as the paper"),
            Param.real("lr", 3e-4, 0.0, 100.0, "base learning rate (before lr-scaling)"),
            Param.choice("lr-scaling", "none", List.of("none", "linear", "sqrt"),
                    "paper App. B.1: linear = lr x batch/256, sqrt = lr x sqrt(batch) (0.075 x sqrt(B) with lr 0.075)"),
            Param.real("weight-decay", 1e-6, 0.0, 1.0, "L2 weight decay"),
            Param.real("momentum", 0.9, 0.0, 0.999999, "momentum of sgd and lars"),
            Param.bool("nesterov", false, "Nesterov momentum for sgd and lars"),
            Param.real("trust-coefficient", 0.001, 0.0, 1.0, "LARS trust coefficient (You et al. 2017; SimCLR uses 0.001)"),
            Param.choice("schedule", "constant", List.of("constant", "warmup-cosine", "step"), "learning-rate schedule, applied per step"),
            Param.real("warmup-epochs", 0.0, 0.0, 1_000_000.0, "linear warm-up length for warmup-cosine (paper: 10 epochs)"),
            Param.reals("decay-epochs", List.of(), 0.0, null, 0, "epochs at which the step schedule multiplies lr by decay-factor").asOptional(),
            Param.real("decay-factor", 0.1, 0.0, 1.0, "multiplier of the step schedule"),
            Param.choice("batch-norm", "per-view", List.of("per-view", "joint"),
                    "per-view: two passes of B images (reference tutorial); joint: one pass of 2B (paper's global BN)"),
            Param.integer("pass-size", 0, 0, null,
                    "images per encoder pass (0: as batch-norm implies); smaller passes trade BN batch for speed on CPU"),
            Param.bool("gradient-cache", false,
                    "exact NT-Xent over the whole batch with small passes (Gao et al. 2021): embed all passes without gradients, then backpropagate each pass; costs a second forward pass"),
            Param.choice("precision", "fp32", List.of("fp32", "bf16"),
                    "arithmetic of the forward pass: bf16 computes convolutions and matrix products in bfloat16 from fp32 weights (batch norm, loss, optimizer in fp32); pytorch backend"),
            Param.integer("workers", 0, 0, 1024, "augmentation threads (0: number of cores)"),
            Param.integer("log-every", 10, 1, null, "steps between metrics.jsonl lines"),
            Param.integer("checkpoint-every", 1, 0, null, "epochs between checkpoints (0: only at the end)"),
            Param.integer("checkpoint-every-steps", 0, 0, null, "steps between checkpoints inside an epoch (0: off)"),
            Param.integer("keep-checkpoints", 2, 1, null, "how many recent checkpoints to keep"),
            Param.integer("knn-every", 0, 0, null, "epochs between online kNN accuracy checks on the probe data (0: off)"));

    /** {@code output:} where the run folder goes. */
    public static final List<Param> OUTPUT = List.of(
            Param.string("dir", "runs", "parent folder of run folders"),
            Param.string("name", null, "run folder name (default: date-time and a short id)").asOptional(),
            Param.choice(Sections.EXPORT, null, List.of("safetensors"),
                    "also write the trained encoder as encoder.safetensors, named as torchvision names its ResNets").asOptional());

    /** The key of {@code output:} that asks for a portable copy of the trained encoder. */
    public static final String EXPORT = "export";

    /** Options every dataset takes, applied after the provider opened it. */
    public static final List<Param> DATASET_COMMON = DatasetOpener.COMMON;

    /** Keys of {@code data:}: which dataset plays which role. */
    public static final List<String> DATA_ROLES = List.of("train", "test", "probe-train");

    /** The key of {@code model.encoder} that names a safetensors file to start from. */
    public static final String ENCODER_INIT = "init";

    /**
     * Options every encoder takes: {@code init}, a safetensors file (an export, or torchvision's
     * weights) the encoder starts from instead of its random initialisation.
     */
    public static final List<Param> ENCODER_COMMON = List.of(Param.string(ENCODER_INIT, null,
            "safetensors file to start from (an export, or torchvision weights): every tensor must match").asOptional());

    /** Keys of {@code model:}. */
    public static final List<String> MODEL_PARTS = List.of("encoder", "head");
}
