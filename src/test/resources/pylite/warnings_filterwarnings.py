import warnings

warnings.filterwarnings("ignore", message="lr")
warnings.filterwarnings("error", category=RuntimeWarning)
warnings.warn("LR is ignored (case-insensitive match at the start)")
warnings.warn("the lr is shown")
try:
    warnings.warn("diverged", RuntimeWarning)
except RuntimeWarning as e:
    print("caught", type(e).__name__, e)
warnings.filterwarnings("default", message="diverged", category=RuntimeWarning)
warnings.warn("diverged", RuntimeWarning)
warnings.warn("diverged twice", RuntimeWarning)
