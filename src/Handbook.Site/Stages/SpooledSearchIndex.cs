namespace Handbook.Site.Stages;

using System.Buffers;
using System.Runtime.InteropServices;
using Handbook.Site.Catalog;
using Handbook.Site.Search;

/// <summary>
/// Writes <c>/search-index.json</c> from the search records the theme made (<see cref="PerFamilyOutputs"/>) with their
/// texts still in the spool: the families are read in the index's order (URL, then source path), each text met for the
/// first time is numbered and written into the file at once, and the families follow with their texts' numbers. No text
/// is held or made a string (issue 9: made again as strings they were ≈ 415 MiB at synthetic N = 10000, all alive until
/// the index was serialised). The same bytes as <see cref="SearchIndex.WriteUtf8"/> of <see cref="SearchIndex.Build"/>.
/// </summary>
/// <remarks>
/// Only when every family of the catalogue was recorded (<see cref="CanWrite"/>); otherwise the stage assembles the
/// index from records with string texts. Texts are matched by a hash of their code units and compared in full with the
/// text of the same hash read back from the spool, so a matching hash never merges two different texts.
/// </remarks>
public static class SpooledSearchIndex
{
    /// <summary>Whether the theme recorded every family of <paramref name="catalog"/>.</summary>
    public static bool CanWrite(FamilyCatalog catalog, PerFamilyOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(outputs);
        return catalog.Families.All(e => outputs.Holds(e.Family));
    }

    /// <summary>Writes the index of <paramref name="catalog"/> into <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, FamilyCatalog catalog, PerFamilyOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(outputs);
        var families = catalog.Families
            .OrderBy(e => e.Family.Url, StringComparer.Ordinal)
            .ThenBy(e => e.Family.SourcePath, StringComparer.Ordinal)
            .ToList();
        var records = new SearchFamilyRecord[families.Count];
        var positions = new int[families.Count][];
        var numbers = new TextNumbers(outputs);
        using var writer = new SearchIndexStreamWriter(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            for (var i = 0; i < families.Count; i++)
            {
                if (!outputs.TryGetSpooledSearchRecord(families[i].Family, out records[i], out var texts))
                {
                    throw new InvalidOperationException($"'{families[i].Family.SourcePath}' has no spooled search record: check CanWrite first.");
                }

                if (buffer.Length < texts.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(texts.Length);
                }

                var bytes = buffer.AsSpan(0, texts.Length);
                outputs.ReadSearchTexts(texts, bytes);
                positions[i] = numbers.Number(bytes, texts.Offset, writer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        writer.BeginFamilies();
        for (var i = 0; i < families.Count; i++)
        {
            writer.WriteFamily(SearchIndex.FamilyOf(records[i], SearchIndex.DepartmentTitle(catalog, records[i].Department), positions[i]));
        }

        writer.End();
    }

    /// <summary>The index's numbers of the texts met so far, each kept as its place in the spool, not its text.</summary>
    private sealed class TextNumbers(PerFamilyOutputs outputs)
    {
        // Hash of a text's code units → the first text met with that hash; further ones are chained through Next.
        private readonly Dictionary<int, int> _firstWithHash = [];
        private readonly List<(long Offset, int Length, int Next)> _texts = [];
        private byte[] _candidate = new byte[256];

        /// <summary>
        /// The index numbers of one family's spooled texts (<paramref name="bytes"/>, which start at
        /// <paramref name="spoolOffset"/> in the spool); each text met for the first time is written by <paramref name="writer"/>.
        /// </summary>
        public int[] Number(ReadOnlySpan<byte> bytes, long spoolOffset, SearchIndexStreamWriter writer)
        {
            var reader = new SpooledTexts.Reader(bytes);
            var numbers = new int[reader.Count];
            for (var i = 0; i < numbers.Length; i++)
            {
                var text = reader.Next(out var offset);
                numbers[i] = NumberOf(text, spoolOffset + offset, writer);
            }

            reader.EnsureAtEnd();
            return numbers;
        }

        private int NumberOf(ReadOnlySpan<char> text, long spoolOffset, SearchIndexStreamWriter writer)
        {
            var hash = string.GetHashCode(text, StringComparison.Ordinal);
            var last = -1;
            if (_firstWithHash.TryGetValue(hash, out var number))
            {
                for (; number >= 0; number = _texts[number].Next)
                {
                    if (Equals(number, text))
                    {
                        return number;
                    }

                    last = number;
                }
            }

            number = _texts.Count;
            _texts.Add((spoolOffset, text.Length * sizeof(char), -1));
            if (last < 0)
            {
                _firstWithHash.Add(hash, number);
            }
            else
            {
                _texts[last] = _texts[last] with { Next = number };
            }

            writer.WriteText(text);
            return number;
        }

        // Whether text number `number` (read back from the spool) is `text`.
        private bool Equals(int number, ReadOnlySpan<char> text)
        {
            var (offset, length, _) = _texts[number];
            if (length != text.Length * sizeof(char))
            {
                return false;
            }

            if (_candidate.Length < length)
            {
                _candidate = new byte[Math.Max(length, _candidate.Length * 2)];
            }

            var candidate = _candidate.AsSpan(0, length);
            outputs.ReadSearchTexts(new FragmentSpool.Fragment(offset, length), candidate);
            return candidate.SequenceEqual(MemoryMarshal.AsBytes(text));
        }
    }
}
