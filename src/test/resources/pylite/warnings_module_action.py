import warnings
warnings.simplefilter("module")
for i in range(2):
    warnings.warn("same text")
warnings.warn("same text")
warnings.filterwarnings("ignore", lineno=7)
warnings.warn("line 7 ignored")
warnings.warn("line 8 shown")
