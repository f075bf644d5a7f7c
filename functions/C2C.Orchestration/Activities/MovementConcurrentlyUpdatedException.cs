namespace C2C.Orchestration.Activities;

/// <summary>Another writer kept changing the movement's record while a step was being recorded: try the step again.</summary>
public sealed class MovementConcurrentlyUpdatedException(string movementReference, string stepId, int attempts)
    : InvalidOperationException($"movement {movementReference}: step {stepId} still concurrently updated after {attempts} attempts");
