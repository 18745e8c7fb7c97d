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
        var site = new Site { KeepsRunRecord = false }.AddStages(read, new ReplaceDocuments(completion.Returned), new ReturnFreedMemory("ReplaceDocuments"), probe);

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
        var site = new Site { KeepsRunRecord = false }.AddStages(new YieldingStage(), new ReplaceDocuments(ended), new ReturnFreedMemory("ReplaceDocuments"), probe);

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
