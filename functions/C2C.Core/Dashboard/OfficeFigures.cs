using System.Globalization;

namespace C2C.Core.Dashboard;

/// <summary>Movements of one office of departure: opened here ever, and now in each status.</summary>
public sealed record OfficeFigures(string Office, long Opened, StatusFigures Now);
