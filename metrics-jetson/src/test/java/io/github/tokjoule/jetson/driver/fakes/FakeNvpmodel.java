package io.github.tokjoule.jetson.driver.fakes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fake {@code nvpmodel} of an Orin Nano Super (JetPack 6.2): modes 0 = 15W, 1 = 25W, 2 = MAXN_SUPER, 3 = 7W; the
 * current mode lives in $FAKE_STATE_DIR/nvpmodel-mode. Output formats from public logs: {@code -q} prints
 * {@code NV Power Mode: <label>} then the id; a mode in $FAKE_NVPMODEL_REBOOT_MODES prints the reboot warning and
 * prompt and reads the answer. $FAKE_NVPMODEL_STUCK=1 ignores {@code -m}.
 */
public final class FakeNvpmodel {

    static final Map<Integer, String> MODES = Map.of(0, "15W", 1, "25W", 2, "MAXN_SUPER", 3, "7W");

    private FakeNvpmodel() {}

    public static void main(String[] args) throws Exception {
        FakeSupport.record("nvpmodel", args);
        Path state = FakeSupport.stateDir().resolve("nvpmodel-mode");
        int current =
                Files.exists(state) ? Integer.parseInt(Files.readString(state).strip()) : 0;
        if (args.length == 1 && args[0].equals("-q")) {
            System.out.println("NVPM WARN: fan mode is not set!");
            System.out.println("NV Power Mode: " + MODES.get(current));
            System.out.println(current);
            return;
        }
        if (args.length == 2 && args[0].equals("-m")) {
            int mode = Integer.parseInt(args[1]);
            if (!MODES.containsKey(mode)) {
                System.out.println("NVPM ERROR: Invalid power mode id " + mode);
                System.exit(1);
            }
            if (mode != current
                    && FakeSupport.envList("FAKE_NVPMODEL_REBOOT_MODES").contains(args[1])) {
                System.out.println("NVPM WARN: Golden image context is already created");
                System.out.println("NVPM WARN: Reboot required for changing to this power mode: " + mode);
                System.out.println("NVPM WARN: DO YOU WANT TO REBOOT NOW? enter YES/yes to confirm:");
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer != null && answer.strip().equalsIgnoreCase("yes")) {
                    System.out.println("NVPM WARN: rebooting");
                    Files.writeString(FakeSupport.stateDir().resolve("REBOOTED"), "yes");
                    return;
                }
                System.out.println("NVPM ERROR: optMask is 1, no request for power mode");
                return;
            }
            if (!FakeSupport.env("FAKE_NVPMODEL_STUCK").isPresent()) {
                Files.writeString(state, Integer.toString(mode));
            }
            return;
        }
        System.out.println("Usage: nvpmodel [-m mode] [-q]");
        System.exit(1);
    }
}
