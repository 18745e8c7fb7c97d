namespace Handbook.Pipeline.Stages;

using Handbook.Pipeline.Documents;

/// <summary>
/// A stage over the whole set that, in a one-shot run (<see cref="Site.KeepsRunRecord"/> off), takes its documents out
/// of its input (<see cref="Take"/>) so that what it no longer needs can be collected while it runs: the engine hands
/// it a list only it and the stage refer to, as it does a per-document stage (<see cref="ConsumableDocumentList"/>).
/// Otherwise the engine's list holds every input to the stage's end (issue 9: the page texts, ≈ 430 MiB at synthetic
/// N = 10000, while the stage that parses them in batches makes its output). An incremental run, or a run that keeps
/// its record, hands it the plain list, from which <see cref="Take"/> only reads.
/// </summary>
public interface IConsumesInput : IStage
{
    /// <summary>
    /// The document at <paramref name="index"/>, taken out of <paramref name="documents"/> when the engine handed a
    /// consumable list (reading it from there again throws), read from it otherwise. Take each document once.
    /// </summary>
    static Document Take(IReadOnlyList<Document> documents, int index) => ConsumableDocumentList.Take(documents, index);
}
