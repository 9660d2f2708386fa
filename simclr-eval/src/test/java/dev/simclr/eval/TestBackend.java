package dev.simclr.eval;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.simclr.api.Backend;
import java.util.List;

/** DJL's PyTorch engine on the CPU, as the tests' backend. */
public final class TestBackend implements Backend {

    @Override
    public String name() {
        return "pytorch";
    }

    @Override
    public Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    @Override
    public List<Device> devices() {
        return List.of(Device.cpu());
    }

    @Override
    public boolean canTrain() {
        return true;
    }

    @Override
    public String describe() {
        return "PyTorch " + engine().getVersion() + " on cpu (tests)";
    }
}
