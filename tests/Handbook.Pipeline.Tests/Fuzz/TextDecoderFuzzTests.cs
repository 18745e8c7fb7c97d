namespace Handbook.Pipeline.Tests.Fuzz;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.IO;
using Xunit.Abstractions;

/// <summary>
/// Issue 11 for reading files: any bytes (BOMs, UTF-16/32, invalid UTF-8, NULs, truncated sequences) decode or are
/// reported, never throw, and the diagnostics name the file. Deterministic seeds by default; HANDBOOK_FUZZ_SECONDS
/// runs a random campaign of that many seconds (see README.md).
/// </summary>
[Trait("Category", "Fuzz")]
public class TextDecoderFuzzTests(ITestOutputHelper output)
{
    private const string Path = "job-families/sales/bytes.md";

    private static readonly Gen<byte[]> Bytes = Gen.Select(
        Gen.OneOf(Array.Empty<byte>(), [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF], [0xEF, 0xBB]),
        Gen.Frequency(
            (3, Gen.OneOf("# Title\n\n- item\n", "---\ntitle: x\n---\n", "caf\u00E9 \u00A0 \uD83D\uDE00 \u202E\n", "a\r\nb\rc\n").Select(s => Encoding.UTF8.GetBytes(s))),
            (1, Gen.OneOf("# Title\n", "x\u00E9\n").Select(s => Encoding.Unicode.GetBytes(s))),
            (2, Gen.Byte.Array[0, 64]),
            (1, Gen.OneOf<byte[]>([0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x00], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF]))).Array[0, 12],
        (bom, parts) => bom.Concat(parts.SelectMany(p => p)).ToArray());

    [Fact]
    public void Given_any_bytes_when_decoded_then_nothing_throws_and_diagnostics_name_the_file()
    {
        var cases = 0L;
        void Property(byte[] bytes)
        {
            var diagnostics = new DiagnosticBag();
            _ = TextDecoder.Decode(bytes, Path, diagnostics);
            foreach (var d in diagnostics.Sorted())
            {
                Assert.Equal(Path, d.Location.Path);
                Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString());
                Assert.False(string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.Message), d.ToString());
            }

            Interlocked.Increment(ref cases);
        }

        var clock = Stopwatch.StartNew();
        var campaign = int.TryParse(Environment.GetEnvironmentVariable("HANDBOOK_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0;
        if (campaign > 0)
        {
            Bytes.Sample(Property, output.WriteLine, iter: long.MaxValue, time: campaign, threads: 1, print: b => Convert.ToHexString(b));
        }
        else
        {
            for (var i = 0UL; i < 20000 && clock.Elapsed.TotalSeconds < 3; i++)
            {
                var seed = new PCG(1, 20261128UL + i).ToString();
                var value = Bytes.Generate(PCG.Parse(seed), null, out _);
                try
                {
                    Property(value);
                }
                catch (Exception)
                {
                    Bytes.Sample(Property, output.WriteLine, seed: seed, iter: 1, threads: 1, print: b => Convert.ToHexString(b));
                    throw;
                }
            }
        }

        output.WriteLine($"text decoder: {cases} cases passed in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
