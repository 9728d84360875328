// The listening path through a real audio server (issue 16): a JACK server with its dummy driver,
// started and stopped by the test; the standalone app (iemeq-app) playing a track with a preset
// (--audio-device-type JACK --preset P --play T); its output recorded by a JACK client in this
// process; the recording compared with the offline render of the same track and correction.
//   - corrected: the recording equals the render (residual below -90 dB after aligning);
//   - A/B every 0.7 s: every recorded sample is the corrected or the (loudness-trimmed) original
//     render, except inside the switch fades, and no sample-to-sample jump exceeds the
//     programme's own plus what a 20 ms raised-cosine fade can add (no click);
//   - the server stops under the app: the app keeps running and quits with status 0 on SIGINT.
#include "TestData.h"
#include "dsp/listening/ListeningPrograms.h"

#include "dsp/correction/DesignCorrection.h"
#include "dsp/io/CurveReader.h"
#include "dsp/io/WavFile.h"
#include "dsp/listening/SwitchCrossfade.h"
#include "dsp/preset/Preset.h"
#include "plugin/core/CorrectionRender.h"
#include "plugin/core/ProgrammeAnalysis.h"

#include <catch2/catch.hpp>
#include <jack/jack.h>

#include <atomic>
#include <climits>
#include <fcntl.h>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace iemeq;
namespace fs = std::filesystem;

namespace {

constexpr double kFs = 48000.0;
const char* const kServer = "iemeq-jack-test";

void sleepSeconds(double s)
{
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
}

// A child process with extra environment variables; stdout/stderr go to `log`.
struct Child {
    pid_t pid = -1;

    Child(const std::vector<std::string>& argv, const std::vector<std::string>& extraEnv, const std::string& log)
    {
        std::vector<std::string> env(extraEnv);
        for (char** e = environ; *e != nullptr; ++e) {
            const std::string kv(*e);
            bool overridden = false;
            for (const auto& x : extraEnv)
                overridden |= kv.substr(0, kv.find('=')) == x.substr(0, x.find('='));
            if (!overridden)
                env.push_back(kv);
        }
        std::vector<char*> a, e;
        for (const auto& s : argv)
            a.push_back(const_cast<char*>(s.c_str()));
        a.push_back(nullptr);
        for (const auto& s : env)
            e.push_back(const_cast<char*>(s.c_str()));
        e.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        posix_spawn_file_actions_adddup2(&actions, 1, 2);
        if (posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, a.data(), e.data()) != 0)
            pid = -1;
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Child()
    {
        if (pid > 0 && !exited()) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
    bool exited()
    {
        if (pid <= 0 || done)
            return true;
        const pid_t r = waitpid(pid, &status, WNOHANG);
        done = r == pid;
        return done;
    }
    // Waits up to `seconds` for the process to end; true when it did.
    bool waitExit(double seconds)
    {
        for (int i = 0; i < static_cast<int>(seconds * 100) && !exited(); ++i)
            sleepSeconds(0.01);
        return exited();
    }
    int status = 0;
    bool done = false;
};

// The recorder: a JACK client with two inputs, everything into a preallocated buffer.
struct Recorder {
    jack_client_t* client = nullptr;
    jack_port_t* in[2] = { nullptr, nullptr };
    std::vector<float> data[2];
    std::atomic<std::size_t> frames { 0 };
    std::atomic<bool> recording { false }, shutDown { false };

    explicit Recorder(double seconds)
    {
        for (auto& d : data)
            d.assign(static_cast<std::size_t>(seconds * kFs), 0.0f);
        for (int attempt = 0; attempt < 100 && client == nullptr; ++attempt) {
            client = jack_client_open("iemeq-recorder", JackNoStartServer, nullptr);
            if (client == nullptr)
                sleepSeconds(0.1);
        }
        if (client == nullptr)
            return;
        in[0] = jack_port_register(client, "in_1", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        in[1] = jack_port_register(client, "in_2", JACK_DEFAULT_AUDIO_TYPE, JackPortIsInput, 0);
        jack_set_process_callback(client, &Recorder::process, this);
        jack_on_shutdown(client, [](void* self) { static_cast<Recorder*>(self)->shutDown = true; }, this);
        jack_activate(client);
    }
    ~Recorder() { close(); }
    void close()
    {
        if (client != nullptr) {
            jack_deactivate(client);
            jack_client_close(client);
            client = nullptr;
        }
    }
    static int process(jack_nframes_t n, void* arg)
    {
        auto* self = static_cast<Recorder*>(arg);
        if (!self->recording.load())
            return 0;
        const std::size_t at = self->frames.load();
        const std::size_t m = std::min<std::size_t>(n, self->data[0].size() - at);
        for (int c = 0; c < 2; ++c) {
            const auto* src = static_cast<const float*>(jack_port_get_buffer(self->in[c], n));
            std::copy(src, src + m, self->data[c].begin() + static_cast<std::ptrdiff_t>(at));
        }
        self->frames.store(at + m);
        return 0;
    }
    // Connects the app's outputs (waits for them to appear); true when connected.
    bool connectApp(double timeoutSeconds)
    {
        for (int i = 0; i < static_cast<int>(timeoutSeconds * 10); ++i) {
            if (jack_port_by_name(client, "iemeq:out_1") != nullptr && jack_port_by_name(client, "iemeq:out_2") != nullptr)
                return jack_connect(client, "iemeq:out_1", "iemeq-recorder:in_1") == 0
                       && jack_connect(client, "iemeq:out_2", "iemeq-recorder:in_2") == 0;
            sleepSeconds(0.1);
        }
        return false;
    }
};

struct Fixture {
    fs::path dir;
    AudioData track;        // the track file
    AudioData played;       // what the player plays: the track with its 5 ms fade-in at the start
    AudioData corrected;    // the offline render of the correction (of `played`)
    double originalGain = 1.0;  // the loudness trim of the original side (the player's analysis)

    Fixture()
    {
        dir = fs::temp_directory_path() / ("iemeq-jack-" + std::to_string(getpid()));
        fs::create_directories(dir / "home");
        track = test::bassHeavyTrack(kFs);
        writeWav((dir / "track.wav").string(), track);
        CorrectionSpec spec;
        spec.measurement = { readCurveFile(test::dataPath("measurements/regancipher/Simgot EW200 L.txt")),
                             readCurveFile(test::dataPath("measurements/regancipher/Simgot EW200 R.txt")) };
        spec.target = readCurveFile(test::repoPath("Targets/Harman in-ear 2019 v2.csv"));
        spec.iemName = "Simgot EW200";
        spec.targetName = "Harman in-ear 2019 v2";
        const Correction c = designCorrection(spec, kFs);
        savePresetFile((dir / "preset.json").string(), makePreset(spec, c, "JACK test"));
        // MusicPlayer starts playback with a 5 ms linear fade (a constant float step per sample):
        // the IIR sections remember it for a while, so the reference starts with it too.
        played = track;
        const float step = 1.0f / (0.005f * static_cast<float>(kFs));
        float gain = 0.0f;
        for (std::size_t i = 0; i < played.numFrames() && gain < 1.0f; ++i) {
            gain += std::clamp(1.0f - gain, -step, step);
            for (auto& ch : played.channels)
                ch[i] *= gain;
        }
        corrected = played;
        plugin::renderCorrection(corrected, c);
        const double d = plugin::analyseProgramme(track, &c, nullptr).differenceDb;
        REQUIRE(d < 0.0);  // the corrected side is quieter: the original is trimmed
        originalGain = std::pow(10.0, d / 20.0);
    }
    ~Fixture() { fs::remove_all(dir); }

    std::vector<std::string> env() const
    {
        return { std::string("JACK_DEFAULT_SERVER=") + kServer, "HOME=" + (dir / "home").string(), "JACK_NO_AUDIO_RESERVATION=1" };
    }
    // Synchronous mode: every cycle waits for every client, so a client that is late on a busy
    // machine delays the (simulated) clock instead of leaving a stale block in the recording.
    std::unique_ptr<Child> startServer() const
    {
        return std::make_unique<Child>(std::vector<std::string> { IEMEQ_JACKD_PATH, "-n", kServer, "--no-realtime", "--sync", "--timeout", "5000",
                                                                  "-d", "dummy", "-r", "48000", "-p", "1024", "-C", "2", "-P", "2" },
                                       env(), (dir / "jackd.log").string());
    }
    std::unique_ptr<Child> startApp(const std::vector<std::string>& extra) const
    {
        std::vector<std::string> argv { IEMEQ_APP_PATH, "--audio-device-type", "JACK", "--preset", (dir / "preset.json").string(), "--play",
                                        (dir / "track.wav").string(), "--no-loop" };
        argv.insert(argv.end(), extra.begin(), extra.end());
        return std::make_unique<Child>(argv, env(), (dir / "app.log").string());
    }
    std::string log(const char* name) const
    {
        std::string s;
        if (FILE* f = std::fopen((dir / name).c_str(), "r")) {
            char buf[4096];
            std::size_t n;
            while ((n = std::fread(buf, 1, sizeof buf, f)) > 0)
                s.append(buf, n);
            std::fclose(f);
        }
        return s;
    }
};

// Where the recording sits in the track: the offset (track index - recording index) at which a
// loud window from the middle of the recording best matches `gain` times `reference` (least
// squares); LONG_MIN when even the best match is poor.
long findOffset(const Recorder& rec, const AudioData& reference, double gain)
{
    const std::size_t window = 512;
    const auto& r = reference.channels[0];
    for (std::size_t start = rec.frames.load() / 2; start + window < rec.frames.load(); start += window) {
        double energy = 0.0;
        for (std::size_t i = 0; i < window; ++i)
            energy += static_cast<double>(rec.data[0][start + i]) * rec.data[0][start + i];
        if (energy < 1e-2)
            continue;  // too quiet to place
        double best = 1e300;
        long offset = LONG_MIN;
        for (std::size_t t = 0; t + window < r.size(); ++t) {
            double e = 0.0;
            for (std::size_t i = 0; i < window && e < best; ++i) {
                const double d = rec.data[0][start + i] - gain * r[t + i];
                e += d * d;
            }
            if (e < best)
                best = e, offset = static_cast<long>(t) - static_cast<long>(start);
        }
        return best < 1e-3 * energy ? offset : LONG_MIN;
    }
    return LONG_MIN;
}

// What was recorded, for the failure message (and into IEMEQ_JACK_DUMP, when set, as a WAV file).
std::string describe(const Recorder& rec)
{
    if (const char* dump = std::getenv("IEMEQ_JACK_DUMP")) {
        AudioData a;
        a.sampleRate = kFs;
        for (const auto& c : rec.data)
            a.channels.emplace_back(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(rec.frames.load()));
        writeWav(dump, a);
    }
    float peak = 0.0f;
    for (std::size_t i = 0; i < rec.frames.load(); ++i)
        peak = std::max(peak, std::abs(rec.data[0][i]));
    return std::to_string(rec.frames.load()) + " frames recorded, peak " + std::to_string(peak);
}

} // namespace

TEST_CASE("JACK: the app's corrected output equals the offline render, A/B switches without a click, it survives the server stopping",
          "[jack]")
{
    setenv("JACK_DEFAULT_SERVER", kServer, 1);
    setenv("JACK_NO_AUDIO_RESERVATION", "1", 1);
    Fixture fx;
    const std::size_t n = fx.track.numFrames();

    SECTION("corrected: the recording is the offline render")
    {
        auto server = fx.startServer();
        Recorder rec(16.0);
        REQUIRE(rec.client != nullptr);
        auto app = fx.startApp({});
        INFO("app log:\n" << fx.log("app.log") << "\njackd log:\n" << fx.log("jackd.log"));
        REQUIRE(rec.connectApp(30.0));
        rec.recording = true;
        sleepSeconds(13.0);
        rec.recording = false;
        const long offset = findOffset(rec, fx.corrected, 1.0);
        INFO(describe(rec));
        REQUIRE(offset != LONG_MIN);
        double err = 0.0, sig = 0.0, worst = 0.0;
        std::size_t compared = 0;
        for (std::size_t i = 0; i < rec.frames.load(); ++i) {
            const long t = static_cast<long>(i) + offset;
            if (t < 0 || t >= static_cast<long>(n))
                continue;
            for (int c = 0; c < 2; ++c) {
                const double e = rec.data[c][i] - fx.corrected.channels[static_cast<std::size_t>(c)][static_cast<std::size_t>(t)];
                err += e * e;
                sig += static_cast<double>(fx.corrected.channels[static_cast<std::size_t>(c)][static_cast<std::size_t>(t)])
                       * fx.corrected.channels[static_cast<std::size_t>(c)][static_cast<std::size_t>(t)];
                worst = std::max(worst, std::abs(e));
            }
            ++compared;
        }
        const double residualDb = 10.0 * std::log10(std::max(err, 1e-300) / sig);
        std::printf("\nJACK, corrected: %zu frames of %zu compared (%.1f s), residual %s, max |error| %.3g\n", compared, n,
                    static_cast<double>(compared) / kFs, err == 0.0 ? "none (bit-exact)" : (std::to_string(residualDb) + " dB").c_str(), worst);
        CHECK(compared > static_cast<std::size_t>(8.0 * kFs));
        CHECK(residualDb < -90.0);

        // The server goes away under the app: it must not crash or hang, and quits cleanly.
        rec.close();
        kill(server->pid, SIGTERM);
        REQUIRE(server->waitExit(10.0));
        sleepSeconds(1.5);
        CHECK_FALSE(app->exited());
        kill(app->pid, SIGINT);
        REQUIRE(app->waitExit(20.0));
        CHECK(WIFEXITED(app->status));
        CHECK(WEXITSTATUS(app->status) == 0);
        std::printf("JACK server stopped: the app kept running, then quit on SIGINT with status %d\n", WEXITSTATUS(app->status));
    }

    SECTION("A/B every 0.7 s: corrected or original sample for sample outside the fades, no click")
    {
        auto server = fx.startServer();
        Recorder rec(16.0);
        REQUIRE(rec.client != nullptr);
        auto app = fx.startApp({ "--ab-every", "0.7" });
        INFO("app log:\n" << fx.log("app.log"));
        REQUIRE(rec.connectApp(30.0));
        rec.recording = true;
        sleepSeconds(13.0);
        rec.recording = false;
        long offset = findOffset(rec, fx.corrected, 1.0);
        if (offset == LONG_MIN)
            offset = findOffset(rec, fx.played, fx.originalGain);
        INFO(describe(rec));
        REQUIRE(offset != LONG_MIN);
        // Each frame: the corrected render, the trimmed original, or neither (inside a fade).
        std::size_t onA = 0, onB = 0, neither = 0, switches = 0;
        int last = -1;
        double jump = 0.0, ownJump = 0.0, spread = 0.0;
        for (std::size_t i = 1; i < rec.frames.load(); ++i) {
            const long t = static_cast<long>(i) + offset;
            if (t < 1 || t >= static_cast<long>(n))
                continue;
            const auto tt = static_cast<std::size_t>(t);
            bool a = true, b = true;
            for (std::size_t c = 0; c < 2; ++c) {
                const float y = rec.data[c][i], ya = fx.corrected.channels[c][tt];
                const float yb = static_cast<float>(fx.originalGain * static_cast<double>(fx.played.channels[c][tt]));
                a = a && std::abs(y - ya) <= 1e-6f;
                b = b && std::abs(y - yb) <= 1e-6f;
                jump = std::max(jump, static_cast<double>(std::abs(y - rec.data[c][i - 1])));
                ownJump = std::max({ ownJump, static_cast<double>(std::abs(ya - fx.corrected.channels[c][tt - 1])),
                                     std::abs(yb - fx.originalGain * fx.played.channels[c][tt - 1]) });
                spread = std::max(spread, static_cast<double>(std::abs(ya - yb)));
            }
            if (a && !b)
                ++onA;
            else if (b && !a)
                ++onB;
            else if (!a && !b)
                ++neither;
            const int side = a && !b ? 0 : (b && !a ? 1 : last);
            if (last >= 0 && side != last)
                ++switches;
            last = side;
        }
        listening::SwitchCrossfade fade;
        fade.prepare(kFs);
        double steepest = 0.0;
        for (int i = 1; i < fade.fadeLength(); ++i)
            steepest = std::max(steepest, static_cast<double>(fade.weight(i) - fade.weight(i - 1)));
        const double allowed = ownJump + steepest * spread + 1e-6;
        std::printf("JACK, A/B every 0.7 s: %zu frames corrected, %zu original, %zu in %zu fades (%.0f per fade, 960 max);\n"
                    "largest jump %.4f, the programme's own %.4f + what a fade may add %.4f\n",
                    onA, onB, neither, switches, switches > 0 ? static_cast<double>(neither) / static_cast<double>(switches) : 0.0, jump,
                    ownJump, steepest * spread);
        CHECK(switches >= 10);
        CHECK(onA > static_cast<std::size_t>(3.0 * kFs));
        CHECK(onB > static_cast<std::size_t>(3.0 * kFs));
        CHECK(neither <= switches * static_cast<std::size_t>(fade.fadeLength()));
        CHECK(jump <= allowed);
        rec.close();
        kill(app->pid, SIGINT);
        CHECK(app->waitExit(20.0));
        kill(server->pid, SIGTERM);
        CHECK(server->waitExit(10.0));
    }
}
