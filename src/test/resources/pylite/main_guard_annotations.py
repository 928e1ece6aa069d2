def scale(values: list, factor: float = 2.0) -> list:
    return [v * factor for v in values]

class Config:
    lr: float = 0.1
    epochs: int = 3
    name: str

def main() -> None:
    cfg = Config()
    print(scale([1, 2, 3]), cfg.lr, cfg.epochs, Config.lr)
    print(__name__)

if __name__ == "__main__":
    main()
