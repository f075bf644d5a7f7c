// The in-process test host serves orchestrations running at the same time about one per second: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
