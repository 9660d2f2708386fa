package dev.simclr.train.config;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.simclr.api.Backend;
import dev.simclr.api.BackendProvider;
import dev.simclr.api.BackendStatus;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/**
 * A backend provider for tests of the {@code backend:} section: declared engine-only settings,
 * a chosen status, and a backend on the CPU that records the parameters it was started with.
 */
public final class FakeBackend implements BackendProvider {

    private final String name;
    private final List<Param> own;
    private final BackendStatus status;
    /** The parameters of the last {@link #create}, or null. */
    public Params created;

    public FakeBackend(String name, List<Param> own, boolean loads, boolean trains) {
        this.name = name;
        this.own = own;
        this.status = new BackendStatus(name, loads, loads ? "fake 1.0" : null, List.of("cpu"), trains, loads ? "loads" : name + " natives missing");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "test backend " + name;
    }

    @Override
    public List<Param> engineParameters() {
        return own;
    }

    @Override
    public Backend create(Params params) {
        created = params;
        boolean trains = status.canTrain();
        return new Backend() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Engine engine() {
                return null;
            }

            @Override
            public List<Device> devices() {
                return List.of(Device.cpu());
            }

            @Override
            public boolean canTrain() {
                return trains;
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }

    @Override
    public BackendStatus status() {
        return status;
    }
}
