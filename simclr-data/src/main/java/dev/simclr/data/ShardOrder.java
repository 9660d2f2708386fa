package dev.simclr.data;

import dev.simclr.api.EpochOrder;
import java.util.SplittableRandom;

/**
 * The epoch order of samples stored in shards, as WebDataset shuffles them: the shards in a seeded
 * random order, each read front to back, through a shuffle buffer of {@code buffer} samples (once
 * it is full, each incoming sample replaces a randomly chosen one, which is emitted; at the end the
 * rest come out in random order). A shard is read almost sequentially and the order still mixes
 * samples across neighbouring shards. The buffer holds sample numbers, not images, so its size
 * costs memory only of 4 bytes per sample.
 */
final class ShardOrder {

    private ShardOrder() {}

    /**
     * @param shardStarts where each shard's samples begin in the dataset's numbering, plus the total at the end
     * @param buffer the shuffle buffer's size; 1 or less keeps each shard's own order
     */
    static int[] of(int[] shardStarts, int buffer, long seed, int epoch) {
        int shards = shardStarts.length - 1;
        int total = shardStarts[shards];
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        int[] shardOrder = EpochOrder.shuffled(shards, r.nextLong(), 0);
        int[] out = new int[total];
        int cap = Math.max(1, buffer);
        int[] held = new int[Math.min(cap, total)];
        int filled = 0;
        int at = 0;
        for (int s : shardOrder) {
            for (int i = shardStarts[s]; i < shardStarts[s + 1]; i++) {
                if (filled < held.length) {
                    held[filled++] = i;
                } else {
                    int j = r.nextInt(held.length);
                    out[at++] = held[j];
                    held[j] = i;
                }
            }
        }
        for (int k = filled - 1; k >= 0; k--) {
            int j = cap == 1 ? k : r.nextInt(k + 1);
            out[at++] = held[j];
            held[j] = held[k];
        }
        return out;
    }
}
