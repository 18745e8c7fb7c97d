namespace Handbook.JobFamilies.Stages;

using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

public sealed partial class ProcessFamiliesInBatches
{
    /// <summary>
    /// The stage's documents, taken out of the engine's list (<see cref="IConsumesInput.Take"/>), whose pages' Markdown
    /// is <i>parked</i> once their batch is done: kept compressed (<see cref="CompressedText"/>) instead of as the string
    /// the batch parsed, for a later batch that links to the page and for the whole-set path should a batch not be exact
    /// (issue 9: the texts were ≈ 430 MiB of the stage's live set at synthetic N = 10000, and shrink several times).
    /// </summary>
    private sealed class Input
    {
        private readonly Document[] _documents;
        private readonly CompressedText?[] _parked;

        private readonly ICompressedTextSpool? _spool;

        /// <param name="spool">Where parked texts wait off the heap, or null to keep them on it.</param>
        public Input(IReadOnlyList<Document> documents, ICompressedTextSpool? spool)
        {
            _spool = spool;
            _documents = new Document[documents.Count];
            _parked = new CompressedText?[_documents.Length];
            for (var i = 0; i < _documents.Length; i++)
            {
                // A page parked when read (SplitFrontMatterWhenRead) is parked here as it is: its compressed text moves
                // here, so no document holds it once its batch has parsed it.
                var document = IConsumesInput.Take(documents, i);
                if (ParkedMarkdown.Of(document) is { } parked)
                {
                    ParkedWhenRead++;
                    _parked[i] = parked.Compressed;
                    document = document.With(JobFamilyKeys.ParkedMarkdownBody, null);
                }

                _documents[i] = document;
            }
        }

        public int Count => _documents.Length;

        /// <summary>Pages that came parked (as they were read).</summary>
        public int ParkedWhenRead { get; }

        /// <summary>Bytes of the parked texts.</summary>
        public long ParkedBytes => _parked.Sum(p => p?.Size ?? 0);

        /// <summary>The document as taken, except that a parked page's Markdown is empty: for what does not read it.</summary>
        public Document this[int index] => _documents[index];

        /// <summary>The document as taken, with its Markdown: what a batch parses.</summary>
        public Document ForParsing(int index) =>
            _parked[index] is { } parked ? _documents[index].With(JobFamilyKeys.MarkdownBody, parked.Decompress()) : _documents[index];

        /// <summary>Parks the page at <paramref name="index"/> (its batch is done).</summary>
        public void Park(int index)
        {
            var document = _documents[index];
            if (_parked[index] is null && document.TryGet(JobFamilyKeys.MarkdownBody, out var text))
            {
                _parked[index] = CompressedText.Of(text, _spool);
                _documents[index] = document.With(JobFamilyKeys.MarkdownBody, string.Empty);
            }
        }

        /// <summary>Every document as taken, parked texts restored: the whole-set path's input.</summary>
        public IReadOnlyList<Document> Restored() => Enumerable.Range(0, _documents.Length).Select(ForParsing).ToList();
    }
}
