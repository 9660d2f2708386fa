package dev.simclr.pytorch.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.simclr.api.Backend;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.DeviceCopy;
import dev.simclr.pytorch.parallel.DataParallelStep;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A backend over one DJL engine and a list of devices. */
final class DjlBackend implements Backend {

    private final String name;
    private final Engine engine;
    private final List<Device> devices;
    private final boolean canTrain;
    private final String notes;
    private final Map<String, Object> settings;

    DjlBackend(String name, Engine engine, List<Device> devices, boolean canTrain, String notes, Map<String, Object> settings) {
        this.name = name;
        this.engine = engine;
        this.devices = List.copyOf(devices);
        this.canTrain = canTrain;
        this.notes = notes;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public List<Device> devices() {
        return devices;
    }

    @Override
    public boolean canTrain() {
        return canTrain;
    }

    @Override
    public TrainingStep trainingStep(TrainingSetup setup) {
        if (!canTrain) {
            return Backend.super.trainingStep(setup);
        }
        return devices.size() == 1 ? new DjlTrainingStep(setup, devices.get(0)) : new DataParallelStep(setup, devices, DeviceCopy.engine());
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public String describe() {
        return name + ": " + engine.getEngineName() + " " + engine.getVersion() + " on "
                + devices.stream().map(Device::toString).collect(Collectors.joining(", ")) + (notes.isEmpty() ? "" : ", " + notes);
    }
}
