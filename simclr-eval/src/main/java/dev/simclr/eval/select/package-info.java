/**
 * Choosing an evaluator's settings without looking at the test split: a seeded, stratified
 * validation split of the training features and a search over a grid of settings scored on it.
 * The linear probe and kNN share both, so every feature set is tuned the same way.
 */
package dev.simclr.eval.select;
