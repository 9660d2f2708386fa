package dev.simclr.api;

/** Keeps DJL offline (every backend calls this before it starts its engine): no model zoo look-ups, no native downloads, no usage tracking. */
public final class DjlRuntime {

    private DjlRuntime() {}

    public static void configureOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL reads OPT_OUT_TRACKING from the environment or this property
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
