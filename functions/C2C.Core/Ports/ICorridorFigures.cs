using C2C.Core.Dashboard;

namespace C2C.Core.Ports;

/// <summary>
/// The corridor figures the dashboard reads: office, partner and duration rows and one row per day in the window.
/// Maintained by the movement index as steps commit; reading them costs the same whatever the archive holds.
/// </summary>
public interface ICorridorFigures
{
    Task<IReadOnlyList<FigureValues>> ReadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Folds one contribution's changes into their rows; a row that counted the contribution already keeps its figures.</summary>
    Task ApplyAsync(IReadOnlyList<FigureChange> changes, string contributionId, CancellationToken cancellationToken);
}
