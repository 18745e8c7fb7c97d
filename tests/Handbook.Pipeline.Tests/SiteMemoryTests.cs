namespace Handbook.Pipeline.Tests;

using System.Runtime.CompilerServices;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;

/// <summary>
/// A one-shot run (<see cref="Site.KeepsRunRecord"/> false) keeps no stage's documents once the next stage replaced
/// them, also when the stage finished asynchronously (reading files) or the documents were handed in as the initial
/// ones (a cached build reads before it runs): what a later <see cref="ReturnFreedMemory"/> collects is really gone.
/// </summary>
public class SiteMemoryTests
{
    [Fact]
    public async Task Given_a_stage_that_finished_asynchronously_When_a_later_stage_replaced_its_documents_Then_they_are_collected()
    {
        // Given a first stage completed from another thread (as file reads complete), which tells when that thread
        // has returned from completing it; a stage that replaces every document once that thread returned (or after
        // two seconds: when the run goes on inline in the completion, the thread returns only after the whole run);
        // this stage; and a probe
        using var completion = new ThreadCompletion();
        var read = new CompletedElsewhereStage(completion);
        var probe = new AliveProbe(() => read.Produced);
        var site = new Site { KeepsRunRecord = false }.AddStages(read, new ReplaceDocuments(completion.Returned), new ReturnFreedMemory("ReplaceDocuments", minimumAllocatedBytes: 0), probe);

        // When
        var run = site.RunAsync([]);
        completion.CompleteFromAnotherThread();
        await run;

        // Then what the first stage produced was collected by the time the probe ran
        Assert.False(probe.WasAlive);
    }

    [Fact]
    public async Task Given_initial_documents_only_the_run_refers_to_When_a_stage_replaced_them_Then_they_are_collected()
    {
        // Given initial documents nothing but the run refers to (handed over on a thread that has ended by the time
        // they are replaced), a stage that yields, one that replaces them once that thread ended, this stage and a probe
        var (initial, weak) = LargeInitialDocuments();
        using var ended = new ManualResetEventSlim();
        var probe = new AliveProbe(() => weak);
        var site = new Site { KeepsRunRecord = false }.AddStages(new YieldingStage(), new ReplaceDocuments(ended), new ReturnFreedMemory("ReplaceDocuments", minimumAllocatedBytes: 0), probe);

        // When
        Task<BuildResult>? run = null;
        var starter = new Thread(() => run = site.RunAsync(initial.Take()));
        starter.Start();
        starter.Join();
        ended.Set();
        await run!;

        // Then they were collected by the time the probe ran
        Assert.False(probe.WasAlive);
    }

    [Fact]
    public async Task Given_a_one_shot_run_When_a_per_document_stage_processes_its_documents_Then_each_processed_input_is_collectable_before_the_stage_ends()
    {
        // Given a one-shot site whose first stage makes three large documents and whose per-document stage, one
        // document at a time, collects before each document and looks at the inputs it already processed
        var make = new MakeLargeDocuments(count: 3);
        var probe = new ProbeProcessedInputs(make, patience: TimeSpan.FromSeconds(5));
        var site = new Site { KeepsRunRecord = false, MaxDegreeOfParallelism = 1 }.AddStages(make, probe);

        // When
        var result = await site.RunAsync([]);

        // Then it looked at three processed inputs (one, then two), and none was alive any more; the output is complete
        Assert.Equal(3, probe.Looked);
        Assert.Empty(probe.FoundAlive);
        Assert.Equal(["page0.md", "page1.md", "page2.md"], result.Documents.Select(d => d.SourcePath));
    }

    [Fact]
    public async Task Given_a_run_that_keeps_its_record_When_a_per_document_stage_processes_its_documents_Then_its_inputs_stay_alive_for_the_next_run()
    {
        // Given the same site, keeping its run record (the preview's incremental runs reuse every stage's output)
        var make = new MakeLargeDocuments(count: 3);
        var probe = new ProbeProcessedInputs(make, patience: TimeSpan.Zero);
        var site = new Site { MaxDegreeOfParallelism = 1 }.AddStages(make, probe);

        // When
        var result = await site.RunAsync([]);

        // Then every processed input was still alive, and the record has them
        Assert.Equal(3, probe.Looked);
        Assert.Equal(3, probe.FoundAlive.Count);
        Assert.NotNull(result.Record);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Handover Initial, WeakReference Weak) LargeInitialDocuments()
    {
        var document = Document.FromSource("page.md", new string('x', 4 * 1024 * 1024));
        return (new Handover([document]), new WeakReference(document));
    }

    /// <summary>Completes a task from a thread of its own and signals once that thread returned from completing it.</summary>
    private sealed class ThreadCompletion : IDisposable
    {
        private readonly TaskCompletionSource _source = new();

        public ManualResetEventSlim Returned { get; } = new();

        public Task Task => _source.Task;

        public void CompleteFromAnotherThread()
        {
            var thread = new Thread(() =>
            {
                _source.SetResult();
                Returned.Set();
            });
            thread.Start();
        }

        public void Dispose() => Returned.Dispose();
    }

    /// <summary>Produces one large document once the completion completes, remembering it only weakly.</summary>
    private sealed class CompletedElsewhereStage(ThreadCompletion completion) : IStage
    {
        public string Name => "Read";

        public WeakReference? Produced { get; private set; }

        public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            await completion.Task.ConfigureAwait(false);
            return Produce();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private IReadOnlyList<Document> Produce()
        {
            IReadOnlyList<Document> produced = [Document.FromSource("page.md", new string('x', 4 * 1024 * 1024))];
            Produced = new WeakReference(produced[0]);
            return produced;
        }
    }

    private sealed class YieldingStage : IStage
    {
        public string Name => nameof(YieldingStage);

        public async Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            await Task.Yield();
            return documents;
        }
    }

    private sealed class ReplaceDocuments(ManualResetEventSlim? waitFor) : IStage
    {
        public string Name => nameof(ReplaceDocuments);

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            waitFor?.Wait(TimeSpan.FromSeconds(2), context.CancellationToken);
            return Task.FromResult<IReadOnlyList<Document>>(documents.Select(d => d with { Content = string.Empty }).ToList());
        }
    }

    private sealed class AliveProbe(Func<WeakReference?> watched) : IStage
    {
        public string Name => nameof(AliveProbe);

        public bool WasAlive { get; private set; } = true;

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context)
        {
            WasAlive = watched()?.IsAlive ?? true;
            return Task.FromResult(documents);
        }
    }

    /// <summary>A whole-set stage that makes large documents (page0.md, page1.md, …), remembering each only weakly.</summary>
    private sealed class MakeLargeDocuments(int count) : IStage
    {
        private readonly Dictionary<string, WeakReference> _made = new(StringComparer.Ordinal);

        public string Name => nameof(MakeLargeDocuments);

        public bool IsAlive(string sourcePath) => _made[sourcePath].IsAlive;

        public Task<IReadOnlyList<Document>> ExecuteAsync(IReadOnlyList<Document> documents, StageContext context) =>
            Task.FromResult(Make());

        [MethodImpl(MethodImplOptions.NoInlining)]
        private IReadOnlyList<Document> Make()
        {
            var made = new List<Document>();
            for (var i = 0; i < count; i++)
            {
                var document = Document.FromSource($"page{i}.md", new string('x', 1024 * 1024));
                _made[document.SourcePath] = new WeakReference(document);
                made.Add(document);
            }

            return made;
        }
    }

    /// <summary>
    /// A per-document stage that, before processing each document, counts how many of the inputs it already processed
    /// are still alive after a full collection; its output keeps nothing of its input's content.
    /// </summary>
    /// <remarks>
    /// With <paramref name="patience"/>, an input found alive is looked at again (collecting each time) until that much
    /// time passed: the thread the run went on from may not have left the frames that referred to the previous stage's
    /// list yet (a loaded machine can keep it waiting for a while), which says nothing about what the run holds.
    /// </remarks>
    private sealed class ProbeProcessedInputs(MakeLargeDocuments made, TimeSpan patience) : PerDocumentStage
    {
        private readonly List<string> _processed = [];

        public override string Name => nameof(ProbeProcessedInputs);

        public int Looked { get; private set; }

        public List<string> FoundAlive { get; } = [];

        protected override Document? Process(Document document, StageContext context)
        {
            foreach (var sourcePath in _processed)
            {
                Looked++;
                if (StaysAlive(sourcePath))
                {
                    FoundAlive.Add($"{sourcePath} (looked before {document.SourcePath})");
                }
            }

            _processed.Add(document.SourcePath);
            return document with { Content = string.Empty };
        }

        private bool StaysAlive(string sourcePath)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
                if (!made.IsAlive(sourcePath))
                {
                    return false;
                }

                if (waited.Elapsed >= patience)
                {
                    return true;
                }

                Thread.Sleep(20);
            }
        }
    }

    /// <summary>Hands a list over once, so the test method itself keeps no reference to it.</summary>
    private sealed class Handover(IReadOnlyList<Document> documents)
    {
        private IReadOnlyList<Document>? _documents = documents;

        public IReadOnlyList<Document> Take()
        {
            var taken = _documents ?? [];
            _documents = null;
            return taken;
        }
    }
}
