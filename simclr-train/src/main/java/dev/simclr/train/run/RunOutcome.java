package dev.simclr.train.run;

import dev.simclr.train.pretrain.PretrainResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param runDir the run folder
 * @param pretrain pre-training summary (null for a re-evaluation)
 * @param results evaluation name to metrics, as in results.json
 */
public record RunOutcome(Path runDir, PretrainResult pretrain, Map<String, Map<String, Object>> results) {}
