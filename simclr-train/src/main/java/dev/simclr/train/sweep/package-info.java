/**
 * Sweeps: every combination of a grid of settings ({@code simclr sweep CONFIG --grid KEY=V1,V2}),
 * run one after another as normal run folders inside one sweep folder and continued by the same
 * command, then one comparison of their probe and kNN accuracies (text, JSON and a page).
 */
package dev.simclr.train.sweep;
