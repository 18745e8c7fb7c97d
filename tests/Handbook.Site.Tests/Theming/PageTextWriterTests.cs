namespace Handbook.Site.Tests.Theming;

using System.Globalization;
using System.Text;
using Handbook.Site.Theming;

/// <summary>
/// <see cref="PageTextWriter"/> replaces the <see cref="StringWriter"/> over a <see cref="StringBuilder"/> that the
/// layout rendered each page into (the oracle): every sequence of writes must leave exactly the text the string
/// writer held, whatever overload Fluid or the encoder calls and however often the buffer grows.
/// </summary>
public class PageTextWriterTests
{
    [Fact]
    public async Task Given_random_sequences_of_writes_When_written_to_both_writers_Then_the_page_writer_holds_the_string_writer_s_text()
    {
        var random = new Random(20261129);
        for (var round = 0; round < 500; round++)
        {
            // Given a writer that starts small, so most rounds grow it, and the string writer the layout used before
            var oracle = new StringBuilder();
            using var expected = new StringWriter(oracle, CultureInfo.InvariantCulture);
            using var actual = new PageTextWriter(capacity: 1 + random.Next(64));

            // When the same writes go to both
            var writes = random.Next(1, 60);
            for (var w = 0; w < writes; w++)
            {
                var text = RandomText(random);
                switch (random.Next(14))
                {
                    case 0: expected.Write(text.Length > 0 ? text[0] : 'x'); actual.Write(text.Length > 0 ? text[0] : 'x'); break;
                    case 1: expected.Write(text); actual.Write(text); break;
                    case 2: expected.Write(text.ToCharArray(), 0, text.Length / 2); actual.Write(text.ToCharArray(), 0, text.Length / 2); break;
                    case 3: expected.Write(text.AsSpan()); actual.Write(text.AsSpan()); break;
                    case 4: expected.Write(new StringBuilder(text).Append(text)); actual.Write(new StringBuilder(text).Append(text)); break;
                    case 5: await expected.WriteAsync(text); await actual.WriteAsync(text); break;
                    case 6: await expected.WriteAsync(text.AsMemory()); await actual.WriteAsync(text.AsMemory()); break;
                    case 7: await expected.WriteAsync(text.ToCharArray(), 0, text.Length); await actual.WriteAsync(text.ToCharArray(), 0, text.Length); break;
                    case 8: expected.WriteLine(text); actual.WriteLine(text); break;
                    case 9: await expected.WriteLineAsync(text); await actual.WriteLineAsync(text); break;
                    case 10: expected.Write((string?)null); actual.Write((string?)null); break;
                    case 11: expected.Write(42.5); actual.Write(42.5); break; // formatted with the invariant culture by both
                    case 12: await expected.WriteAsync('<'); await actual.WriteAsync('<'); break;
                    default: await expected.WriteLineAsync(text.AsMemory()); await actual.WriteLineAsync(text.AsMemory()); break;
                }
            }

            // Then the texts are the same
            Assert.Equal(oracle.ToString(), actual.ToString());
            Assert.Equal(oracle.Length, actual.Length);
            Assert.True(actual.Text.SequenceEqual(oracle.ToString()));
        }
    }

    [Fact]
    public void Given_a_written_page_When_truncated_and_cleared_Then_later_writes_start_from_there()
    {
        using var writer = new PageTextWriter(capacity: 4);
        writer.Write("<html>  \n");
        writer.Truncate(6);
        writer.Write('\n');
        Assert.Equal("<html>\n", writer.ToString());

        writer.Clear();
        writer.Write("next");
        Assert.Equal("next", writer.Memory.Span.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Truncate(5));
    }

    private static string RandomText(Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(200, 3000) : random.Next(0, 20);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => 'é',
                1 => '\u00A0',
                2 => '<',
                _ => (char)random.Next('a', 'z' + 1),
            };
        }

        return new string(chars);
    }
}
